import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Every alarm transition from the journal: raised, cleared, acknowledged, shelved, ... with who
// did it and why, filtered by time, priority, tag and text. Read page by page from the database,
// newest first; "Load more" fetches older entries.
Rectangle {
    id: page
    required property AlarmHistoryModel history
    color: Theme.background

    readonly property int wTime: 170
    readonly property int wPriority: 90
    readonly property int wKind: 150
    readonly property int wTag: 130
    readonly property int wValue: 130
    readonly property int wUser: 100
    readonly property int wMessage: Math.max(200, list.width - wTime - wPriority - wKind - wTag - wValue - wUser - 16)

    onVisibleChanged: if (visible) history.refresh()

    component HeaderText: Text {
        height: parent.height
        leftPadding: 8
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.text
    }
    component CellText: Text {
        height: parent.height
        leftPadding: 8
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        color: Theme.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Text {
                text: qsTr("Alarm history")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            JournalRangeBar {
                Layout.fillWidth: true
                model: page.history
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                // Highest priority first, as in the banner.
                model: [4, 3, 2, 1]
                FilterButton {
                    id: toggle
                    required property int modelData
                    readonly property bool shown: page.history.shownPriorities.indexOf(modelData) >= 0
                    objectName: "priorityFilter_" + modelData
                    checkedLook: shown
                    contentItem: Row {
                        spacing: 6
                        Text {
                            anchors.verticalCenter: parent.verticalCenter
                            text: toggle.shown ? "☑" : "☐"
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            color: Theme.text
                        }
                        PriorityMark {
                            anchors.verticalCenter: parent.verticalCenter
                            priority: toggle.modelData
                            text: [qsTr("LOW"), qsTr("MED"), qsTr("HIGH"), qsTr("CRIT")][toggle.modelData - 1]
                            opacity: toggle.shown ? 1.0 : 0.45
                        }
                    }
                    onClicked: page.history.setPriorityShown(modelData, !shown)
                }
            }
            TextField {
                objectName: "tagFilter"
                Layout.preferredWidth: 200
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Tag")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText
                text: page.history.tagFilter
                onTextEdited: page.history.tagFilter = text
            }
            TextField {
                objectName: "textFilter"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Text in message or comment")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText
                text: page.history.textFilter
                onTextEdited: page.history.textFilter = text
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border

            Row {
                id: header
                x: 1
                y: 1
                width: parent.width - 2
                height: 36
                HeaderText { width: page.wTime; text: qsTr("Time") }
                HeaderText { width: page.wPriority; text: qsTr("Priority") }
                HeaderText { width: page.wKind; text: qsTr("Event") }
                HeaderText { width: page.wTag; text: qsTr("Tag / device") }
                HeaderText { width: page.wMessage; text: qsTr("Message / comment") }
                HeaderText { width: page.wValue; text: qsTr("Value / limit"); horizontalAlignment: Text.AlignRight; rightPadding: 8 }
                HeaderText { width: page.wUser; text: qsTr("User") }
            }
            Rectangle {
                anchors.top: header.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }

            ListView {
                id: list
                objectName: "alarmHistoryList"
                anchors.fill: parent
                anchors.topMargin: header.height + 2
                anchors.margins: 1
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: page.history
                ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AlwaysOn }
                footer: JournalListFooter { width: list.width; model: page.history }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string timeText
                    required property int priority
                    required property string priorityText
                    required property string kindText
                    required property string tag
                    required property string device
                    required property string message
                    required property string comment
                    required property string valueText
                    required property string limitText
                    required property string user

                    objectName: "historyRow_" + index
                    width: ListView.view.width - 16
                    height: Theme.rowHeight
                    color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                    Row {
                        anchors.fill: parent
                        CellText { width: page.wTime; text: row.timeText; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                        Item {
                            width: page.wPriority; height: parent.height
                            PriorityMark {
                                objectName: "priorityMark"
                                x: 8
                                anchors.verticalCenter: parent.verticalCenter
                                priority: row.priority
                                text: row.priorityText
                            }
                        }
                        CellText { width: page.wKind; text: row.kindText; font.bold: true }
                        // A device's communication loss has no tag: its device is named instead.
                        CellText { width: page.wTag; text: row.tag !== "" ? row.tag : row.device; font.family: Theme.monoFamily }
                        Column {
                            width: page.wMessage
                            anchors.verticalCenter: parent.verticalCenter
                            leftPadding: 8
                            Text {
                                width: parent.width - 16
                                text: row.message
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontNormal
                                color: Theme.text
                            }
                            Text {
                                visible: row.comment !== ""
                                width: parent.width - 16
                                text: "“" + row.comment + "”"
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                font.italic: true
                                color: Theme.textMuted
                            }
                        }
                        Column {
                            width: page.wValue
                            anchors.verticalCenter: parent.verticalCenter
                            Text {
                                width: parent.width - 8
                                horizontalAlignment: Text.AlignRight
                                text: row.valueText
                                elide: Text.ElideLeft
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontNormal
                                color: Theme.text
                            }
                            Text {
                                visible: row.limitText !== ""
                                width: parent.width - 8
                                horizontalAlignment: Text.AlignRight
                                text: qsTr("limit %1").arg(row.limitText)
                                elide: Text.ElideLeft
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                            }
                        }
                        CellText { width: page.wUser; text: row.user }
                    }
                }
            }
        }
    }
}
