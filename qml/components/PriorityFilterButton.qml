import QtQuick
import Vigil

// Shows or hides one alarm priority in a list: the priority's shape and text, a check mark when
// shown, struck through when hidden.
Rectangle {
    id: root
    property int priority: 1
    property string shape: ""
    property string text: ""
    property bool shown: true
    signal toggled()

    implicitWidth: badge.implicitWidth + mark.implicitWidth + 22
    implicitHeight: Theme.touchTarget
    radius: 2
    color: shown ? Theme.raised : Theme.surface
    border.color: shown ? Theme.text : Theme.border
    border.width: shown ? 2 : 1

    Row {
        anchors.centerIn: parent
        spacing: 6
        Text {
            id: mark
            anchors.verticalCenter: parent.verticalCenter
            text: root.shown ? "☑" : "☐"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            color: Theme.text
        }
        PriorityBadge {
            id: badge
            anchors.verticalCenter: parent.verticalCenter
            priority: root.priority
            shape: root.shape
            text: root.text
            filled: root.shown
            opacity: root.shown ? 1.0 : 0.7
        }
    }
    TapHandler { onTapped: root.toggled() }
}
