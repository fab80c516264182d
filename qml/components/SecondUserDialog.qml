import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The second person of a command to a critical tag: another user types their name and password
// on this panel. Shown while the command waits for them; cancelling cancels the command.
Popup {
    id: dialog
    required property FaceplateController controller
    readonly property bool wanted: controller.open && controller.state === "awaitingConfirmation"

    objectName: "secondUserDialog"
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 520
    padding: 16
    closePolicy: Popup.NoAutoClose
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.text
        border.width: 2
        radius: 2
    }
    onWantedChanged: {
        if (wanted) {
            nameField.text = ""
            passwordField.text = ""
            open()
        } else {
            close()
        }
    }
    onOpened: nameField.forceActiveFocus()

    function submit() {
        dialog.controller.confirmSecondUser(nameField.text, passwordField.text)
        passwordField.text = ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Text {
            text: qsTr("Second user confirmation")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("%1 is a critical tag: another user must confirm %2.")
                      .arg(dialog.controller.tagId).arg(dialog.controller.targetText)
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            color: Theme.text
        }
        Text {
            objectName: "secondUserCountdown"
            text: qsTr("Time left: %1 s").arg(dialog.controller.secondsLeft)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        TextField {
            id: nameField
            objectName: "secondUserName"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontNormal
            placeholderText: qsTr("User name")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            onAccepted: passwordField.forceActiveFocus()
        }
        TextField {
            id: passwordField
            objectName: "secondUserPassword"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontNormal
            placeholderText: qsTr("Password")
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            onAccepted: if (confirm.enabled) dialog.submit()
        }
        Text {
            objectName: "secondUserError"
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.controller.confirmError
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: 8
            ActionButton {
                objectName: "secondUserCancel"
                text: qsTr("Cancel command")
                onClicked: dialog.controller.cancel()
            }
            ActionButton {
                id: confirm
                objectName: "secondUserConfirm"
                emphasised: true
                enabled: !dialog.controller.confirmBusy && nameField.text.trim() !== ""
                         && passwordField.text !== ""
                text: dialog.controller.confirmBusy ? qsTr("Checking…") : qsTr("Confirm")
                onClicked: dialog.submit()
            }
        }
    }
}
