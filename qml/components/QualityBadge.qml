import QtQuick
import Vigil

// Quality shown without colour: nothing when good, "?" on a hatched box when uncertain or stale,
// a boxed word (COMM, BAD, OOS, WAIT) when bad.
Item {
    id: root
    property string mark: ""
    property bool uncertain: false
    property bool bad: false

    implicitWidth: mark === "" ? 0 : label.implicitWidth + 12
    implicitHeight: 22
    visible: mark !== ""

    Rectangle {
        anchors.fill: parent
        color: root.bad ? Theme.surface : "transparent"
        border.color: root.bad ? Theme.text : Theme.hatch
        border.width: 1
        radius: 2
    }
    Image {
        anchors.fill: parent
        anchors.margins: 1
        visible: root.uncertain
        source: "../images/hatch.png"
        fillMode: Image.Tile
        opacity: 0.5
    }
    Text {
        id: label
        anchors.centerIn: parent
        text: root.mark
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.text
    }
}
