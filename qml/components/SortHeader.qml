import QtQuick
import Vigil

// A column header that sorts the list by its key; the current sort shows ▲ or ▼.
Item {
    id: root
    property string title
    property string key
    property string currentKey
    property bool ascending: true
    property int alignment: Text.AlignLeft
    signal sortRequested(string key)

    implicitHeight: Theme.touchTarget

    Text {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: root.alignment
        text: root.title + (root.key === root.currentKey ? (root.ascending ? "  ▲" : "  ▼") : "")
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.text
    }
    TapHandler { onTapped: root.sortRequested(root.key) }
}
