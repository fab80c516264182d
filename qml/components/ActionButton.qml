import QtQuick
import QtQuick.Controls
import Vigil

// A touch-size button in the grey palette: at least 48 px, pressed and disabled states shown
// by shade and text, not by colour.
Button {
    id: control
    property bool emphasised: false
    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget * 2, contentItem.implicitWidth + 28)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal
    font.bold: emphasised
    contentItem: Text {
        text: control.text
        font: control.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        color: control.enabled ? Theme.text : Theme.textDisabled
    }
    background: Rectangle {
        color: control.down ? Theme.selection : (control.emphasised ? Theme.raised : Theme.surface)
        border.color: control.enabled ? Theme.text : Theme.border
        border.width: control.emphasised && control.enabled ? 2 : 1
        radius: 2
    }
}
