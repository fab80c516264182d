import QtQuick
import QtQuick.VirtualKeyboard

// The on-screen keyboard for kiosk panels, inside the window, sliding up when a field has focus.
InputPanel {
    id: panel
    z: 1000
    width: parent ? parent.width : 0
    y: parent ? (active ? parent.height - height : parent.height) : 0
}
