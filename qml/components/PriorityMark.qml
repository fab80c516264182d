import QtQuick
import Vigil

// An alarm priority as colour + shape + text, never colour alone: critical ■ red, high ▲ orange,
// medium ◆ yellow, low ● cyan (the same marks as the alarm banner).
Rectangle {
    id: root
    property int priority: 0
    property string text: ""

    readonly property var tones: [Theme.diagnostic, Theme.alarmLow, Theme.alarmMedium, Theme.alarmHigh, Theme.alarmCritical]
    readonly property var shapes: ["?", "●", "◆", "▲", "■"]

    implicitWidth: label.implicitWidth + 12
    implicitHeight: 26
    radius: 2
    color: tones[Math.max(0, Math.min(4, priority))]
    border.color: Theme.text

    Text {
        id: label
        anchors.centerIn: parent
        text: root.shapes[Math.max(0, Math.min(4, root.priority))] + " " + root.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.text
    }
}
