import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Logs a user in: name and password, the service's answer (wrong password, locked until when)
// below. Not a Popup: it lies in the window under the kiosk's on-screen keyboard, near the top so
// that the keyboard does not cover it. The password field is emptied after every attempt.
Rectangle {
    id: dialog
    required property SessionController session

    function open() {
        session.clearMessage()
        nameField.text = ""
        passwordField.text = ""
        visible = true
        nameField.forceActiveFocus()
    }
    function close() {
        passwordField.text = ""
        visible = false
    }
    function submit() {
        if (dialog.session.busy)
            return
        dialog.session.login(nameField.text, passwordField.text)
        passwordField.text = ""
        passwordField.forceActiveFocus()
    }

    visible: false
    anchors.fill: parent
    z: 900
    color: "#80000000"

    component FieldLabel: Text {
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.text
    }

    Connections {
        target: dialog.session
        function onLoggedInNow() { dialog.close() }
    }

    // Nothing behind the dialog takes a tap while it is open.
    MouseArea {
        anchors.fill: parent
        onClicked: {}
    }

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        y: Qt.inputMethod.visible ? 8 : Math.round(parent.height * 0.08)
        width: 520
        height: form.implicitHeight + 32
        color: Theme.surface
        border.color: Theme.text
        border.width: 2
        radius: 2

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 16
            spacing: 10
            Text {
                text: qsTr("Log in")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                // Labels beside the fields, so that the dialog fits above the on-screen keyboard.
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                FieldLabel { text: qsTr("User name") }
                TextField {
                    id: nameField
                    objectName: "loginName"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLowercase
                    onAccepted: passwordField.forceActiveFocus()
                }
                FieldLabel { text: qsTr("Password") }
                TextField {
                    id: passwordField
                    objectName: "loginPassword"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
                                      | Qt.ImhNoPredictiveText
                    onAccepted: dialog.submit()
                }
            }
            Text {
                objectName: "loginMessage"
                Layout.fillWidth: true
                visible: text !== ""
                text: dialog.session.busy ? qsTr("Checking…") : dialog.session.message
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: !dialog.session.busy
                color: Theme.text
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Item { Layout.fillWidth: true }
                ActionButton {
                    objectName: "loginCancel"
                    text: qsTr("Cancel")
                    onClicked: dialog.close()
                }
                ActionButton {
                    objectName: "loginSubmit"
                    emphasised: true
                    text: qsTr("Log in")
                    enabled: !dialog.session.busy && nameField.text.trim() !== "" && passwordField.text !== ""
                    onClicked: dialog.submit()
                }
            }
        }
    }
}
