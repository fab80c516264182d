import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The faceplate of one tag, opened by FaceplateController.openTag() from a tag row (or a mimic
// symbol): the current value, the controls for its kind, and the command in progress with
// current → target and the slide to confirm. Disabled controls say why.
Popup {
    id: faceplate
    required property FaceplateController controller
    readonly property string commandState: controller.state
    readonly property bool pending: commandState === "selected" || commandState === "awaitingConfirmation"
    readonly property bool abnormal: commandState === "refused" || commandState === "failed"
                                     || commandState === "expired"

    objectName: "faceplate"
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 780
    padding: 20
    closePolicy: Popup.CloseOnEscape
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.text
        border.width: 2
        radius: 2
    }

    Connections {
        target: faceplate.controller
        function onOpenChanged() {
            if (faceplate.controller.open)
                faceplate.open()
            else
                faceplate.close()
        }
    }
    onClosed: if (controller.open) controller.close()

    ColumnLayout {
        anchors.fill: parent
        spacing: 14

        // Header: which tag, what the command is doing, and the way out.
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    objectName: "faceplateTag"
                    text: faceplate.controller.tagId
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: faceplate.controller.description
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    color: Theme.textMuted
                }
            }
            Rectangle {
                visible: faceplate.controller.critical
                Layout.preferredHeight: 32
                Layout.preferredWidth: criticalText.implicitWidth + 20
                color: "transparent"
                border.color: Theme.text
                radius: 2
                Text {
                    id: criticalText
                    anchors.centerIn: parent
                    text: qsTr("Critical: two users")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.text
                }
            }
            Rectangle {
                Layout.preferredHeight: 32
                Layout.preferredWidth: stateText.implicitWidth + 20
                color: faceplate.abnormal ? Theme.text : Theme.raised
                border.color: Theme.text
                border.width: faceplate.abnormal ? 2 : 1
                radius: 2
                Text {
                    id: stateText
                    objectName: "faceplateState"
                    anchors.centerIn: parent
                    text: faceplate.controller.stateText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: faceplate.abnormal ? Theme.raised : Theme.text
                }
            }
            ActionButton {
                objectName: "faceplateClose"
                Layout.preferredWidth: Theme.touchTarget
                implicitWidth: Theme.touchTarget
                text: "✕"
                Accessible.name: qsTr("Close")
                onClicked: faceplate.controller.close()
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }

        // The value now.
        RowLayout {
            spacing: 12
            Text {
                text: qsTr("Current")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                color: Theme.textMuted
            }
            Text {
                objectName: "faceplateCurrent"
                text: faceplate.controller.currentText
                      + (faceplate.controller.kind === "analog" && faceplate.controller.unit !== ""
                         ? " " + faceplate.controller.unit : "")
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
        }

        // Why the controls are disabled (role, comm loss, interlock, view only).
        Rectangle {
            visible: faceplate.controller.disabledReason !== ""
            Layout.fillWidth: true
            Layout.preferredHeight: reasonText.implicitHeight + 20
            color: Theme.raised
            border.color: Theme.text
            radius: 2
            Text {
                id: reasonText
                objectName: "disabledReason"
                anchors.fill: parent
                anchors.margins: 10
                verticalAlignment: Text.AlignVCenter
                text: faceplate.controller.disabledReason
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.text
            }
        }

        Loader {
            id: body
            objectName: "faceplateBody"
            Layout.fillWidth: true
            active: faceplate.controller.open && faceplate.controller.writable
            sourceComponent: faceplate.controller.kind === "discrete" ? discreteBody : analogBody
        }

        // The command: current → target, the countdown and the confirmation.
        ColumnLayout {
            Layout.fillWidth: true
            visible: faceplate.commandState !== "idle"
            spacing: 8
            Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
            RowLayout {
                spacing: 12
                Text {
                    objectName: "targetText"
                    text: faceplate.controller.targetText
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    objectName: "faceplateCountdown"
                    visible: faceplate.pending && faceplate.controller.secondsLeft > 0
                    text: qsTr("%1 s left").arg(faceplate.controller.secondsLeft)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    color: Theme.textMuted
                }
            }
            Text {
                objectName: "faceplateMessage"
                Layout.fillWidth: true
                text: faceplate.controller.message
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: faceplate.abnormal
                color: Theme.text
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                visible: faceplate.commandState === "selected"
                SlideToConfirm {
                    id: slide
                    objectName: "slideToConfirm"
                    Layout.fillWidth: true
                    enabled: faceplate.controller.canCommand && faceplate.commandState === "selected"
                    text: qsTr("Slide to confirm %1").arg(faceplate.controller.targetText)
                    onConfirmed: faceplate.controller.operate()
                }
                ActionButton {
                    objectName: "faceplateCancel"
                    text: qsTr("Cancel")
                    onClicked: faceplate.controller.cancel()
                }
            }
        }
    }

    Component {
        id: analogBody
        AnalogFaceplateBody {
            controller: faceplate.controller
            inputEnabled: faceplate.controller.targetSelectable
        }
    }
    Component {
        id: discreteBody
        DiscreteFaceplateBody {
            controller: faceplate.controller
        }
    }

    SecondUserDialog {
        controller: faceplate.controller
    }
}
