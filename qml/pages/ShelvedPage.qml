import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Shelved and out-of-service alarms: who put them there, why and until when, with unshelve and
// return to service. These alarms are not annunciated, so this list is where they stay visible.
Rectangle {
    id: page
    required property AlarmListModel alarms
    required property AlarmOperations operations
    color: Theme.background

    readonly property int wPriority: 124
    readonly property int wTag: 128
    readonly property int wState: 230
    readonly property int wBy: 110
    readonly property int wActions: 300
    readonly property int wMessage: Math.max(140, list.width - wPriority - wTag - wState - wBy - wActions - 16)

    component Cell: Text {
        height: parent ? parent.height : 0
        leftPadding: 8
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        color: Theme.text
    }
    component HeaderCell: Text {
        height: Theme.touchTarget
        leftPadding: 8
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
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
                text: qsTr("Shelved and out of service")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Item { Layout.fillWidth: true }
            Text {
                objectName: "shelvedCount"
                text: qsTr("%n alarm(s) not annunciated", "", page.alarms.count)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                color: Theme.textMuted
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
                HeaderCell { width: page.wPriority; text: qsTr("Priority") }
                HeaderCell { width: page.wTag; text: qsTr("Tag") }
                HeaderCell { width: page.wMessage; text: qsTr("Message") }
                HeaderCell { width: page.wState; text: qsTr("State and until") }
                HeaderCell { width: page.wBy; text: qsTr("By") }
                HeaderCell { width: page.wActions; text: "" }
            }
            Rectangle {
                anchors.top: header.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }
            Text {
                anchors.centerIn: parent
                visible: page.alarms.count === 0
                text: qsTr("No alarm is shelved or out of service")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.textMuted
            }

            ListView {
                id: list
                objectName: "shelvedList"
                anchors.fill: parent
                anchors.topMargin: header.height + 2
                anchors.margins: 1
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: page.alarms
                ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AlwaysOn }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property int alarmId
                    required property int priority
                    required property string priorityText
                    required property string shape
                    required property string tagId
                    required property string device
                    required property string message
                    required property bool active
                    required property bool shelved
                    required property bool outOfService
                    required property string shelveUser
                    required property string shelveReason
                    required property string shelveUntilText
                    required property string outOfServiceUser

                    objectName: "shelvedRow_" + (tagId !== "" ? tagId : device)
                    width: ListView.view.width - 16
                    height: Theme.rowHeight + 20
                    color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                    Row {
                        anchors.fill: parent
                        Item {
                            width: page.wPriority; height: parent.height
                            PriorityBadge {
                                anchors.verticalCenter: parent.verticalCenter
                                x: 8
                                priority: row.priority
                                shape: row.shape
                                text: row.priorityText
                                filled: row.active
                            }
                        }
                        Cell {
                            width: page.wTag
                            text: row.tagId !== "" ? row.tagId : row.device
                            font.family: Theme.monoFamily
                            font.bold: true
                        }
                        Cell { width: page.wMessage; text: row.message }
                        Column {
                            width: page.wState
                            anchors.verticalCenter: parent.verticalCenter
                            leftPadding: 8
                            Text {
                                width: page.wState - 8
                                visible: row.shelved
                                text: qsTr("Shelved %1").arg(row.shelveUntilText)
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                                color: Theme.text
                            }
                            Text {
                                width: page.wState - 8
                                visible: row.shelved && row.shelveReason !== ""
                                text: row.shelveReason
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                            }
                            Text {
                                width: page.wState - 8
                                visible: row.outOfService
                                text: qsTr("Out of service")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                                color: Theme.text
                            }
                        }
                        Cell {
                            width: page.wBy
                            text: [row.shelved ? row.shelveUser : "", row.outOfService ? row.outOfServiceUser : ""]
                                  .filter((s) => s !== "").join(", ")
                        }
                        Row {
                            width: page.wActions
                            anchors.verticalCenter: parent.verticalCenter
                            spacing: 6
                            ActionButton {
                                objectName: "unshelve_" + (row.tagId !== "" ? row.tagId : row.device)
                                visible: row.shelved
                                enabled: page.operations.shelveRefusal === ""
                                Accessible.description: page.operations.shelveRefusal
                                text: qsTr("Unshelve")
                                onClicked: page.operations.unshelve(row.alarmId)
                            }
                            ActionButton {
                                objectName: "returnToService_" + (row.tagId !== "" ? row.tagId : row.device)
                                visible: row.outOfService
                                enabled: page.operations.outOfServiceRefusal === ""
                                Accessible.description: page.operations.outOfServiceRefusal
                                text: qsTr("Return to service")
                                onClicked: page.operations.setOutOfService(row.alarmId, false, "")
                            }
                        }
                    }
                }
            }
        }
        Text {
            // Why the buttons are disabled for this session.
            objectName: "shelvedRefusal"
            Layout.fillWidth: true
            visible: text !== ""
            text: [page.operations.shelveRefusal, page.operations.outOfServiceRefusal]
                  .filter((s, i, all) => s !== "" && all.indexOf(s) === i).join("  ·  ")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "shelvedStatus"
            Layout.fillWidth: true
            text: page.operations.statusText
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
