import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// One timeline of what happened: devices connecting and failing with the reason, history
// degraded and recovered, the plant loaded, and every alarm transition. Filtered by time, kind,
// device and text; read page by page from the journal, newest first.
Rectangle {
    id: page
    required property EventTimelineModel events
    color: Theme.background

    readonly property int wTime: 170
    readonly property int wMark: 116
    readonly property int wKind: 190
    readonly property int wSource: 170
    readonly property int wUser: 100
    readonly property int wMessage: Math.max(220, list.width - wTime - wMark - wKind - wSource - wUser - 16)

    onVisibleChanged: if (visible) events.refresh()

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
                text: qsTr("Events")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            JournalRangeBar {
                Layout.fillWidth: true
                model: page.events
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: page.events.kindChoices
                FilterButton {
                    required property var modelData
                    objectName: "kindFilter_" + (modelData.prefix === "" ? "all" : modelData.prefix)
                    text: modelData.text
                    checkedLook: page.events.kindFilter === modelData.prefix
                    onClicked: page.events.kindFilter = modelData.prefix
                }
            }
            ComboBox {
                id: device
                objectName: "deviceFilter"
                Layout.preferredWidth: 200
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: Theme.fontNormal
                model: [qsTr("All devices")].concat(page.events.deviceChoices)
                onActivated: (i) => page.events.deviceFilter = i === 0 ? "" : page.events.deviceChoices[i - 1]
            }
            TextField {
                objectName: "textFilter"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Text")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText
                text: page.events.textFilter
                onTextEdited: page.events.textFilter = text
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
                HeaderText { width: page.wMark; text: qsTr("Severity") }
                HeaderText { width: page.wKind; text: qsTr("Event") }
                HeaderText { width: page.wSource; text: qsTr("Device / tag") }
                HeaderText { width: page.wMessage; text: qsTr("Message") }
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
                objectName: "eventList"
                anchors.fill: parent
                anchors.topMargin: header.height + 2
                anchors.margins: 1
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: page.events
                ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AlwaysOn }
                footer: JournalListFooter { width: list.width; model: page.events }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string timeText
                    required property bool isAlarm
                    required property int severity
                    required property string severityText
                    required property int priority
                    required property string priorityText
                    required property string kindText
                    required property string device
                    required property string tag
                    required property string source
                    required property string message
                    required property string comment
                    required property string user

                    objectName: "eventRow_" + index
                    width: ListView.view.width - 16
                    height: Theme.rowHeight
                    color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                    Row {
                        anchors.fill: parent
                        CellText { width: page.wTime; text: row.timeText; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                        Item {
                            width: page.wMark; height: parent.height
                            PriorityMark {
                                visible: row.isAlarm
                                x: 8
                                anchors.verticalCenter: parent.verticalCenter
                                priority: row.priority
                                text: row.priorityText
                            }
                            SeverityMark {
                                visible: !row.isAlarm
                                x: 8
                                anchors.verticalCenter: parent.verticalCenter
                                severity: row.severity
                                text: row.severityText
                            }
                        }
                        CellText {
                            width: page.wKind
                            text: row.isAlarm ? qsTr("Alarm: %1").arg(row.kindText) : row.kindText
                            font.bold: row.isAlarm || row.severity > 0
                        }
                        CellText {
                            width: page.wSource
                            text: row.isAlarm ? (row.tag !== "" ? row.tag : row.device)
                                              : (row.device !== "" ? row.device : row.source)
                            font.family: Theme.monoFamily
                        }
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
                        CellText { width: page.wUser; text: row.user }
                    }
                }
            }
        }
    }
}
