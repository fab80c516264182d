import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The audit trail: who logged in, commanded, acknowledged, administered what and with which
// result, newest first, filtered by time, user, kind of action and text. For engineers and
// administrators; the list follows new rows while the page is shown.
Rectangle {
    id: page
    required property AuditListModel audit
    color: Theme.background

    readonly property int wTime: 170
    readonly property int wUser: 120
    readonly property int wAction: 170
    readonly property int wTarget: 170
    readonly property int wResult: 90
    readonly property int wDetail: Math.max(200, list.width - wTime - wUser - wAction - wTarget - wResult - 16)

    Binding {
        target: page.audit
        property: "active"
        value: page.visible
    }

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
                text: qsTr("Audit trail")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            JournalRangeBar {
                Layout.fillWidth: true
                model: page.audit
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: page.audit.actionChoices
                FilterButton {
                    required property var modelData
                    objectName: "actionFilter_" + (modelData.prefix !== "" ? modelData.prefix : "all")
                    text: modelData.text
                    checkedLook: page.audit.actionFilter === modelData.prefix
                    onClicked: page.audit.actionFilter = modelData.prefix
                }
            }
            TextField {
                objectName: "userFilter"
                Layout.preferredWidth: 160
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("User")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                text: page.audit.userFilter
                onTextEdited: page.audit.userFilter = text
            }
            TextField {
                objectName: "textFilter"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Text in target or detail")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText
                text: page.audit.textFilter
                onTextEdited: page.audit.textFilter = text
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
                HeaderText { width: page.wUser; text: qsTr("User") }
                HeaderText { width: page.wAction; text: qsTr("Action") }
                HeaderText { width: page.wTarget; text: qsTr("Target") }
                HeaderText { width: page.wDetail; text: qsTr("Detail") }
                HeaderText { width: page.wResult; text: qsTr("Result") }
            }
            Rectangle {
                anchors.top: header.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }

            ListView {
                id: list
                objectName: "auditList"
                anchors.fill: parent
                anchors.topMargin: header.height + 2
                anchors.margins: 1
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: page.audit
                ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AlwaysOn }
                footer: JournalListFooter { width: list.width; model: page.audit }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string timeText
                    required property string user
                    required property string action
                    required property string target
                    required property string detail
                    required property string result

                    objectName: "auditRow_" + index
                    width: ListView.view.width - 16
                    height: Theme.rowHeight
                    color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                    Row {
                        anchors.fill: parent
                        CellText { width: page.wTime; text: row.timeText; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                        CellText { objectName: "auditUser"; width: page.wUser; text: row.user !== "" ? row.user : "—" }
                        CellText { objectName: "auditAction"; width: page.wAction; text: row.action; font.family: Theme.monoFamily; font.bold: true }
                        CellText { objectName: "auditTarget"; width: page.wTarget; text: row.target; font.family: Theme.monoFamily }
                        CellText { objectName: "auditDetail"; width: page.wDetail; text: row.detail }
                        // Anything but ok stands out by weight, not colour.
                        CellText { objectName: "auditResult"; width: page.wResult; text: row.result; font.bold: row.result !== "ok" }
                    }
                }
            }
        }
    }
}
