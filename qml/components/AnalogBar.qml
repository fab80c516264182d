import QtQuick
import Vigil

// A horizontal analog bar (ISA-101): grey fill on a neutral track, the normal operating band
// shaded, limit ticks at the alarm limits. Uncertain values are hatched; bad values are not
// drawn as if they were valid (outline only).
Item {
    id: root
    property real fraction: NaN        // 0..1 within the display range, NaN: no value
    property real loFraction: NaN      // normal band from the lo limit...
    property real hiFraction: NaN      // ...to the hi limit
    property bool uncertain: false
    property bool bad: false

    implicitHeight: 16
    implicitWidth: 120

    Rectangle {
        id: track
        anchors.fill: parent
        color: Theme.surfaceAlt
        border.color: Theme.border
        border.width: 1
    }
    Rectangle {
        // normal band
        visible: !isNaN(root.loFraction) || !isNaN(root.hiFraction)
        x: 1 + (isNaN(root.loFraction) ? 0 : root.loFraction) * (track.width - 2)
        width: ((isNaN(root.hiFraction) ? 1 : root.hiFraction) - (isNaN(root.loFraction) ? 0 : root.loFraction)) * (track.width - 2)
        y: 1
        height: track.height - 2
        color: Theme.normalBand
    }
    Rectangle {
        id: fill
        visible: !isNaN(root.fraction)
        x: 1
        y: 4
        height: track.height - 8
        width: Math.max(1, (isNaN(root.fraction) ? 0 : root.fraction) * (track.width - 2))
        color: root.bad ? "transparent" : Theme.valueFill
        border.color: Theme.textDisabled
        border.width: root.bad ? 1 : 0
    }
    Image {
        // uncertain: hatched over the fill
        visible: root.uncertain && fill.visible
        x: fill.x
        y: fill.y
        width: fill.width
        height: fill.height
        source: "../images/hatch.png"
        fillMode: Image.Tile
        opacity: 0.9
    }
    Repeater {
        model: [root.loFraction, root.hiFraction]
        Rectangle {
            required property real modelData
            visible: !isNaN(modelData)
            x: 1 + (isNaN(modelData) ? 0 : modelData) * (track.width - 2) - 1
            width: 2
            height: track.height
            color: Theme.limitTick
        }
    }
}
