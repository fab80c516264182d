import QtQuick
import Vigil

// A navigation target of the side rail: at least 48 px, selected state shown by a bar and weight,
// not by colour.
Rectangle {
    id: root
    property string text
    property bool selected: false
    signal clicked()

    implicitHeight: 64
    implicitWidth: Theme.navWidth
    color: selected ? Theme.surface : "transparent"

    Rectangle {
        visible: root.selected
        width: 5
        height: parent.height
        color: Theme.text
    }
    Text {
        anchors.centerIn: parent
        text: root.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        font.bold: root.selected
        color: Theme.text
    }
    TapHandler { onTapped: root.clicked() }
}
