import QtQuick
import Vigil

// A deliberate confirmation for touch panels: the knob must be dragged all the way to the end of
// the track; released anywhere else it slides back and nothing happens. From the keyboard, the
// arrow keys (or End) move the knob and Return or Space confirms once it is at the end.
FocusScope {
    id: control
    property string text: qsTr("Slide to confirm")
    signal confirmed()

    readonly property real travel: track.width - knob.width
    readonly property bool atEnd: knob.x >= travel - 2

    implicitWidth: 420
    implicitHeight: Theme.touchTarget + 8
    activeFocusOnTab: true
    opacity: enabled ? 1.0 : 0.5

    function reset() {
        knob.x = 0
    }
    function step(fraction) {
        knob.x = Math.max(0, Math.min(control.travel, knob.x + control.travel * fraction))
    }
    function finish() {
        if (control.atEnd && control.enabled) {
            control.confirmed()
            knob.x = 0
        } else {
            snapBack.start()
        }
    }

    onEnabledChanged: knob.x = 0

    Keys.onRightPressed: step(0.25)
    Keys.onLeftPressed: step(-0.25)
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_End) {
            step(1)
            event.accepted = true
        } else if (event.key === Qt.Key_Home || event.key === Qt.Key_Escape) {
            reset()
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter
                   || event.key === Qt.Key_Space) {
            if (control.atEnd)
                control.finish()
            event.accepted = true
        }
    }

    Rectangle {
        id: track
        anchors.fill: parent
        color: Theme.surfaceAlt
        border.color: control.activeFocus ? Theme.text : Theme.border
        border.width: control.activeFocus ? 2 : 1
        radius: 2

        // The part already travelled is shaded, so the knob's progress reads at a glance.
        Rectangle {
            x: 1
            y: 1
            width: knob.x + knob.width / 2
            height: parent.height - 2
            color: Theme.selection
        }
        Text {
            anchors.fill: parent
            anchors.leftMargin: knob.width + 12
            anchors.rightMargin: 12
            verticalAlignment: Text.AlignVCenter
            horizontalAlignment: Text.AlignHCenter
            text: control.text + "  ›››"
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: control.enabled ? Theme.text : Theme.textDisabled
        }
        Rectangle {
            id: knob
            objectName: "slideKnob"
            y: 4
            width: Theme.touchTarget + 16
            height: parent.height - 8
            radius: 2
            color: drag.pressed ? Theme.valueFill : Theme.equipment
            border.color: Theme.text
            Text {
                anchors.centerIn: parent
                text: "»"
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.raised
            }
            MouseArea {
                id: drag
                anchors.fill: parent
                enabled: control.enabled
                drag.target: knob
                drag.axis: Drag.XAxis
                drag.minimumX: 0
                drag.maximumX: control.travel
                drag.threshold: 4
                drag.smoothed: false // the knob stays under the finger
                onPressed: control.forceActiveFocus()
                onReleased: control.finish()
                onCanceled: snapBack.start()
            }
        }
        NumberAnimation {
            id: snapBack
            target: knob
            property: "x"
            to: 0
            duration: 150
            easing.type: Easing.OutQuad
        }
    }
}
