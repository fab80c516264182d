import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The users of this panel, for administrators: each with role and state (enabled, disabled,
// locked until when); add a user, change a role, disable or enable, reset a password (which also
// ends a lockout). The rules and the audit are the security service's, as for `vigil user`.
Rectangle {
    id: page
    required property UserAdministration administration
    color: Theme.background

    readonly property int wName: 220
    readonly property int wRole: 160
    readonly property int wState: Math.max(200, list.width - wName - wRole - wActions - 16)
    readonly property int wActions: 480

    onVisibleChanged: if (visible) administration.refresh()

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
                text: qsTr("Users")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Text {
                objectName: "usersMessage"
                Layout.fillWidth: true
                text: dialog.visible ? "" : page.administration.message
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.text
            }
            ActionButton {
                objectName: "userAdd"
                emphasised: true
                text: qsTr("Add user…")
                enabled: !page.administration.busy
                onClicked: dialog.openAdd()
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
                HeaderText { width: page.wName; text: qsTr("User") }
                HeaderText { width: page.wRole; text: qsTr("Role") }
                HeaderText { width: page.wState; text: qsTr("State") }
            }
            Rectangle {
                anchors.top: header.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }

            ListView {
                id: list
                objectName: "userList"
                anchors.fill: parent
                anchors.topMargin: header.height + 2
                anchors.margins: 1
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: page.administration.users
                ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AsNeeded }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string name
                    required property string roleKey
                    required property string roleText
                    required property bool disabled
                    required property bool locked
                    required property string stateText

                    objectName: "userRow_" + name
                    width: ListView.view.width - 16
                    height: Theme.rowHeight + 8
                    color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                    Row {
                        anchors.fill: parent
                        CellText { objectName: "userName"; width: page.wName; text: row.name; font.bold: true }
                        CellText { objectName: "userRole"; width: page.wRole; text: row.roleText }
                        // Not enabled stands out by weight, not colour.
                        CellText {
                            objectName: "userState"
                            width: page.wState
                            text: row.stateText
                            font.bold: row.disabled || row.locked
                        }
                        Row {
                            width: page.wActions
                            height: parent.height
                            spacing: 8
                            layoutDirection: Qt.RightToLeft
                            ActionButton {
                                objectName: "userReset"
                                anchors.verticalCenter: parent.verticalCenter
                                text: row.locked ? qsTr("Reset password and unlock…") : qsTr("Reset password…")
                                enabled: !page.administration.busy
                                onClicked: dialog.openPassword(row.name)
                            }
                            ActionButton {
                                objectName: "userToggle"
                                anchors.verticalCenter: parent.verticalCenter
                                text: row.disabled ? qsTr("Enable") : qsTr("Disable")
                                enabled: !page.administration.busy
                                onClicked: page.administration.setDisabled(row.name, !row.disabled)
                            }
                            ActionButton {
                                objectName: "userChangeRole"
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("Role…")
                                enabled: !page.administration.busy
                                onClicked: dialog.openRole(row.name, row.roleKey)
                            }
                        }
                    }
                }
            }
        }
    }

    UserDialog {
        id: dialog
        objectName: "userDialog"
        administration: page.administration
    }
}
