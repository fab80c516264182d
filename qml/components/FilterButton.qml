import QtQuick
import QtQuick.Controls
import Vigil

// A 48 px button that can show itself chosen (a filter preset, a kind): by border and weight,
// not by colour.
Button {
    id: root
    property bool checkedLook: false
    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, contentItem.implicitWidth + 24)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal
    font.bold: checkedLook
    background: Rectangle {
        color: root.down ? Theme.selection : (root.checkedLook ? Theme.raised : Theme.surface)
        border.color: root.checkedLook ? Theme.text : Theme.border
        border.width: root.checkedLook ? 2 : 1
        radius: 2
    }
}
