import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Asks why an alarm is shelved (and for how long) or taken out of service. The reason is
// required: the confirm button stays disabled without one.
Popup {
    id: dialog
    property bool outOfService: false  // false: shelve (with a duration)
    property string alarmText: ""
    property var choices: []           // [{text, ms}] from AlarmOperations.shelveChoices
    property int choice: 0
    signal confirmed(string reason, double durationMs)

    function ask(forOutOfService, text) {
        outOfService = forOutOfService
        alarmText = text
        choice = 0
        reasonField.text = ""
        open()
    }

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 640
    padding: 16
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.text
        border.width: 2
        radius: 2
    }
    onOpened: reasonField.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Text {
            text: dialog.outOfService ? qsTr("Take the alarm out of service") : qsTr("Shelve the alarm")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: dialog.alarmText
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            color: Theme.text
        }
        Text {
            text: qsTr("Reason (required)")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        TextField {
            id: reasonField
            objectName: "shelveReason"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontNormal
            placeholderText: dialog.outOfService ? qsTr("e.g. transmitter replaced, work order 4711")
                                                 : qsTr("e.g. known fault, maintenance called")
            onAccepted: if (confirm.enabled) confirm.clicked()
        }
        Text {
            visible: !dialog.outOfService
            text: qsTr("For how long")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        Flow {
            visible: !dialog.outOfService
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: dialog.choices
                ActionButton {
                    required property var modelData
                    required property int index
                    objectName: "shelveDuration_" + index
                    text: (dialog.choice === index ? "● " : "") + modelData.text
                    emphasised: dialog.choice === index
                    onClicked: dialog.choice = index
                }
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: 8
            ActionButton {
                objectName: "shelveCancel"
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            ActionButton {
                id: confirm
                objectName: "shelveConfirm"
                emphasised: true
                enabled: reasonField.text.trim() !== ""
                text: dialog.outOfService ? qsTr("Take out of service") : qsTr("Shelve")
                onClicked: {
                    const ms = dialog.outOfService || dialog.choices.length === 0
                             ? 0 : dialog.choices[dialog.choice].ms
                    dialog.confirmed(reasonField.text, ms)
                    dialog.close()
                }
            }
        }
    }
}
