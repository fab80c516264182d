import QtQuick
import Vigil

// A system event's severity as shape + text in neutral greys (the alarm colours are for alarms
// only): ○ info, △ warning, ✖ error.
Rectangle {
    id: root
    property int severity: 0
    property string text: ""

    readonly property var shapes: ["○", "△", "✖"]

    implicitWidth: label.implicitWidth + 12
    implicitHeight: 26
    radius: 2
    color: severity >= 2 ? Theme.raised : "transparent"
    border.color: severity >= 1 ? Theme.text : Theme.border
    border.width: severity >= 2 ? 2 : 1

    Text {
        id: label
        anchors.centerIn: parent
        text: root.shapes[Math.max(0, Math.min(2, root.severity))] + " " + root.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: root.severity >= 1
        color: root.severity >= 1 ? Theme.text : Theme.textMuted
    }
}
