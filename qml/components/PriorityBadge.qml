import QtQuick
import Vigil

// An alarm priority shown by colour + shape + text, never by colour alone (colour-blind safe).
// Filled while the alarm is active; outlined in the priority colour when it has returned to
// normal or while an unacknowledged alarm's flash is in its off phase.
Rectangle {
    id: root
    property int priority: 0      // 1 low ... 4 critical; 0 none
    property string shape: ""     // "square", "triangle", "diamond", "circle" (from the model)
    property string text: ""      // the priority in words
    property bool filled: true

    readonly property color tone: priority === 4 ? Theme.alarmCritical
                                : priority === 3 ? Theme.alarmHigh
                                : priority === 2 ? Theme.alarmMedium
                                : priority === 1 ? Theme.alarmLow : Theme.border
    readonly property string glyph: shape === "square" ? "■" : shape === "triangle" ? "▲"
                                  : shape === "diamond" ? "◆" : shape === "circle" ? "●" : ""

    implicitWidth: row.implicitWidth + 14
    implicitHeight: 28
    radius: 2
    color: filled ? tone : Theme.surface
    border.color: filled ? Theme.text : tone
    border.width: filled ? 1 : 3

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 5
        Text {
            text: root.glyph
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            // On the fill the shape reads in the text colour; outlined it keeps the priority colour.
            color: root.filled ? (root.priority === 4 ? Theme.raised : Theme.text) : root.tone
            style: root.filled ? Text.Normal : Text.Outline
            styleColor: Theme.text
        }
        Text {
            text: root.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: root.filled && root.priority === 4 ? Theme.raised : Theme.text
        }
    }
}
