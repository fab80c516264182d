import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard

// The on-screen keyboard for kiosk panels, sliding up when a field has focus. It lives in the
// window's overlay above every popup: a modal dialog (log in, second person, shelve) blocks input
// to the window's content, so a keyboard there could be seen but not typed on.
InputPanel {
    id: panel
    objectName: "keyboardPanel"
    parent: Overlay.overlay
    z: 1000
    width: parent ? parent.width : 0
    y: parent ? (active ? parent.height - height : parent.height) : 0
}
