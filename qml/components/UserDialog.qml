import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The Users page's form: a new user (name, role, password twice), another role, or a new
// password (twice). Not a Popup: it lies in the window under the kiosk's on-screen keyboard and
// moves to the top while the keyboard is up. The password fields are emptied after every attempt;
// the dialog closes when the service has made the change and shows its refusal otherwise.
Rectangle {
    id: dialog
    required property UserAdministration administration
    property string mode: "add" // "add", "role" or "password"
    property string userName: ""
    property string roleKey: "operator"

    function show(newMode, name, role) {
        administration.clearMessage()
        mode = newMode
        userName = name
        roleKey = role
        nameField.text = name
        passwordField.text = ""
        repeatField.text = ""
        visible = true
        if (mode === "add")
            nameField.forceActiveFocus()
        else if (mode === "password")
            passwordField.forceActiveFocus()
    }
    function openAdd() { show("add", "", "operator") }
    function openRole(name, role) { show("role", name, role) }
    function openPassword(name) { show("password", name, "") }
    function close() {
        passwordField.text = ""
        repeatField.text = ""
        visible = false
    }
    function submit() {
        if (administration.busy)
            return
        if (mode === "add")
            administration.addUser(nameField.text, roleKey, passwordField.text, repeatField.text)
        else if (mode === "role")
            administration.setRole(userName, roleKey)
        else
            administration.resetPassword(userName, passwordField.text, repeatField.text)
        passwordField.text = ""
        repeatField.text = ""
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
    component PasswordField: TextField {
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        font.pixelSize: Theme.fontNormal
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
                          | Qt.ImhNoPredictiveText
    }

    Connections {
        target: dialog.administration
        function onDone() { dialog.close() }
        // Logged out (or idle): nothing typed here stays on the screen.
        function onAllowedChanged() { dialog.close() }
    }

    // Nothing behind the dialog takes a tap while it is open.
    MouseArea {
        anchors.fill: parent
        onClicked: {}
    }

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        y: Qt.inputMethod.visible ? 8 : Math.round(parent.height * 0.06)
        width: Math.min(parent.width - 48, Qt.inputMethod.visible ? 1040 : 640)
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
                objectName: "userDialogTitle"
                text: dialog.mode === "add" ? qsTr("Add a user")
                      : dialog.mode === "role" ? qsTr("Role of %1").arg(dialog.userName)
                      : qsTr("New password for %1").arg(dialog.userName)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                // Labels beside the fields; with the on-screen keyboard up, two fields to a row,
                // so that the whole form stays above the keyboard.
                Layout.fillWidth: true
                columns: Qt.inputMethod.visible ? 4 : 2
                columnSpacing: 12
                rowSpacing: 8
                FieldLabel { text: qsTr("User name"); visible: dialog.mode === "add" }
                TextField {
                    id: nameField
                    objectName: "userDialogName"
                    visible: dialog.mode === "add"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLowercase
                    onAccepted: passwordField.forceActiveFocus()
                }
                FieldLabel { text: qsTr("Role"); visible: dialog.mode !== "password" }
                RowLayout {
                    visible: dialog.mode !== "password"
                    spacing: 6
                    Repeater {
                        model: dialog.administration.roleChoices
                        FilterButton {
                            required property var modelData
                            objectName: "userDialogRole_" + modelData.key
                            text: modelData.text
                            checkedLook: dialog.roleKey === modelData.key
                            onClicked: dialog.roleKey = modelData.key
                        }
                    }
                }
                FieldLabel { text: qsTr("Password"); visible: dialog.mode !== "role" }
                PasswordField {
                    id: passwordField
                    objectName: "userDialogPassword"
                    visible: dialog.mode !== "role"
                    onAccepted: repeatField.forceActiveFocus()
                }
                FieldLabel { text: qsTr("Password again"); visible: dialog.mode !== "role" }
                PasswordField {
                    id: repeatField
                    objectName: "userDialogRepeat"
                    visible: dialog.mode !== "role"
                    onAccepted: dialog.submit()
                }
            }
            Text {
                objectName: "userDialogMessage"
                Layout.fillWidth: true
                visible: text !== ""
                text: dialog.administration.busy ? qsTr("Saving…") : dialog.administration.message
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: !dialog.administration.busy
                color: Theme.text
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Item { Layout.fillWidth: true }
                ActionButton {
                    objectName: "userDialogCancel"
                    text: qsTr("Cancel")
                    onClicked: dialog.close()
                }
                ActionButton {
                    objectName: "userDialogSubmit"
                    emphasised: true
                    text: dialog.mode === "add" ? qsTr("Add") : qsTr("Save")
                    enabled: !dialog.administration.busy
                             && (dialog.mode === "role"
                                 || (passwordField.text !== "" && repeatField.text !== ""
                                     && (dialog.mode !== "add" || nameField.text.trim() !== "")))
                    onClicked: dialog.submit()
                }
            }
        }
    }
}
