import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// A setpoint: typed on the keypad or dragged on the slider, both held within the write limits;
// Select asks the command service for current → target, which the faceplate then shows for
// confirmation.
RowLayout {
    id: body
    required property FaceplateController controller
    property bool inputEnabled: true
    spacing: 24

    Component.onCompleted: {
        keypad.setValue(Math.min(controller.writeMax, Math.max(controller.writeMin, controller.currentValue)))
        slider.value = keypad.value
    }

    NumericKeypad {
        id: keypad
        objectName: "keypad"
        Layout.preferredWidth: 320
        Layout.alignment: Qt.AlignTop
        minimum: body.controller.writeMin
        maximum: body.controller.writeMax
        decimals: body.controller.decimals
        unit: body.controller.unit
        enabled: body.inputEnabled
        acceptText: qsTr("Select")
        onAccepted: (v) => body.controller.select(v)
        // From the entry itself: when entryChanged arrives, value and valid may still hold the
        // previous entry.
        onEntryChanged: {
            const typed = Number(entry)
            if (entry !== "" && entry !== "-" && typed >= minimum && typed <= maximum && !slider.pressed)
                slider.value = typed
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop
        spacing: 8
        Text {
            text: qsTr("Target")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        Slider {
            id: slider
            objectName: "setpointSlider"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            enabled: body.inputEnabled
            from: body.controller.writeMin
            to: body.controller.writeMax
            stepSize: Math.pow(10, -Math.max(0, body.controller.decimals))
            snapMode: Slider.SnapAlways
            onMoved: keypad.setValue(value)
            background: Rectangle {
                x: slider.leftPadding
                y: slider.topPadding + slider.availableHeight / 2 - height / 2
                width: slider.availableWidth
                height: 8
                radius: 2
                color: Theme.surfaceAlt
                border.color: Theme.border
                Rectangle {
                    width: slider.visualPosition * parent.width
                    height: parent.height
                    radius: 2
                    color: slider.enabled ? Theme.valueFill : Theme.equipment
                }
            }
            handle: Rectangle {
                x: slider.leftPadding + slider.visualPosition * (slider.availableWidth - width)
                y: slider.topPadding + slider.availableHeight / 2 - height / 2
                width: Theme.touchTarget
                height: Theme.touchTarget
                radius: 2
                color: slider.pressed ? Theme.selection : Theme.raised
                border.color: slider.enabled ? Theme.text : Theme.border
                border.width: 2
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Text {
                text: Number(body.controller.writeMin).toFixed(body.controller.decimals) + " " + body.controller.unit
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Item { Layout.fillWidth: true }
            Text {
                text: Number(body.controller.writeMax).toFixed(body.controller.decimals) + " " + body.controller.unit
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: 8
            text: qsTr("Type the target or move the slider, then press Select.")
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
