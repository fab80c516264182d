import QtQuick
import QtQuick.Layouts
import Vigil

// A discrete device (start/stop, open/close): one button per state, the feedback state, and a
// travel indicator while a command has been sent and the feedback does not agree with it yet.
// While the device travels the other button stays enabled: a stop or close supersedes the start
// or open at once (the controller says which state may be selected).
ColumnLayout {
    id: body
    required property FaceplateController controller
    property bool inputEnabled: true
    spacing: 12

    RowLayout {
        spacing: 16
        Repeater {
            model: [false, true]
            ActionButton {
                required property bool modelData
                objectName: modelData ? "discreteOn" : "discreteOff"
                Layout.preferredWidth: 220
                Layout.preferredHeight: 64
                enabled: body.inputEnabled && (modelData ? body.controller.onSelectable : body.controller.offSelectable)
                emphasised: body.controller.feedbackState === modelData
                font.pixelSize: Theme.fontLarge
                text: modelData ? body.controller.onLabel : body.controller.offLabel
                onClicked: body.controller.select(modelData)
            }
        }
    }

    RowLayout {
        spacing: 10
        // Filled when the feedback says on/running/open, hollow when off: shape, not colour.
        Rectangle {
            objectName: "feedbackMark"
            Layout.preferredWidth: 20
            Layout.preferredHeight: 20
            radius: 10
            color: body.controller.feedbackState ? Theme.valueFill : "transparent"
            border.color: Theme.text
            border.width: 2
        }
        Text {
            objectName: "feedbackText"
            text: qsTr("Feedback (%1): %2").arg(body.controller.feedbackTag)
                                          .arg(body.controller.feedbackState ? body.controller.onLabel
                                                                             : body.controller.offLabel)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            color: Theme.text
        }
    }

    Item {
        objectName: "travelIndicator"
        visible: body.controller.traveling
        Layout.fillWidth: true
        Layout.preferredHeight: 36
        Rectangle {
            id: travelTrack
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            width: 160
            height: 12
            color: Theme.surfaceAlt
            border.color: Theme.text
            clip: true
            Rectangle {
                id: travelBlock
                width: 40
                height: parent.height
                color: Theme.valueFill
                NumberAnimation on x {
                    running: body.controller.traveling
                    from: 0
                    to: travelTrack.width - travelBlock.width
                    duration: 900
                    loops: Animation.Infinite
                    easing.type: Easing.InOutQuad
                }
            }
        }
        Text {
            objectName: "travelText"
            anchors.left: travelTrack.right
            anchors.leftMargin: 12
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Traveling to %1…").arg(body.controller.travelTargetState ? body.controller.onLabel
                                                                                : body.controller.offLabel)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
    }
}
