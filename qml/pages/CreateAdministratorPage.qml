import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The first start: no user exists yet, so nobody could ever log in. Whoever installs the panel
// chooses the administrator's name and password here (twice); the administrator is then logged
// in. Shown instead of the pages, in kiosk mode too; there are no default users.
Rectangle {
    id: page
    required property SessionController session

    function submit() {
        if (page.session.busy)
            return
        page.session.createAdministrator(nameField.text, passwordField.text, repeatField.text)
        passwordField.text = ""
        repeatField.text = ""
    }

    color: Theme.background
    Component.onCompleted: nameField.forceActiveFocus()

    component FieldLabel: Text {
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.text
    }

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        // Close to the top while the on-screen keyboard covers the lower half.
        y: Qt.inputMethod.visible ? 8 : Math.round(parent.height * 0.06)
        width: Math.min(parent.width - 48, 640)
        height: form.implicitHeight + 40
        color: Theme.surface
        border.color: Theme.text
        border.width: 2
        radius: 2

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 20
            spacing: 10
            Text {
                text: qsTr("Create the administrator")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Text {
                Layout.fillWidth: true
                visible: !Qt.inputMethod.visible
                text: qsTr("No user exists on this panel yet. Choose the name and password of the first administrator, who can then add the other users.")
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                color: Theme.text
            }
            GridLayout {
                // Labels beside the fields: with the on-screen keyboard up, the whole form fits
                // in the upper part of the window.
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                FieldLabel { text: qsTr("User name") }
                TextField {
                    id: nameField
                    objectName: "adminName"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLowercase
                    onAccepted: passwordField.forceActiveFocus()
                }
                FieldLabel { text: qsTr("Password") }
                TextField {
                    id: passwordField
                    objectName: "adminPassword"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
                                      | Qt.ImhNoPredictiveText
                    onAccepted: repeatField.forceActiveFocus()
                }
                FieldLabel { text: qsTr("Password again") }
                TextField {
                    id: repeatField
                    objectName: "adminRepeat"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
                                      | Qt.ImhNoPredictiveText
                    onAccepted: page.submit()
                }
            }
            Text {
                objectName: "adminMessage"
                Layout.fillWidth: true
                visible: text !== ""
                text: page.session.busy ? qsTr("Creating…") : page.session.message
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: !page.session.busy
                color: Theme.text
            }
            RowLayout {
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                ActionButton {
                    objectName: "adminCreate"
                    emphasised: true
                    text: qsTr("Create and log in")
                    enabled: !page.session.busy && nameField.text.trim() !== "" && passwordField.text !== ""
                             && repeatField.text !== ""
                    onClicked: page.submit()
                }
            }
        }
    }
}
