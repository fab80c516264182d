import QtQuick
import QtQuick.Layouts
import Vigil

// The alarm banner of the top bar: counts of unacknowledged alarms by priority (colour + shape +
// text), and the newest highest-priority alarm. Tapping it opens the alarm list.
Rectangle {
    id: root
    property int critical: 0
    property int high: 0
    property int medium: 0
    property int low: 0
    property string newest: qsTr("No unacknowledged alarms")
    signal opened()

    implicitWidth: row.implicitWidth + 16
    implicitHeight: Theme.touchTarget
    color: Theme.surface
    border.color: Theme.border
    radius: 2

    component Count: Item {
        id: count
        required property string label
        required property int value
        required property color tone
        required property string shape  // "square", "triangle", "diamond", "circle"
        implicitWidth: 74
        implicitHeight: 36
        Rectangle {
            anchors.fill: parent
            color: count.value > 0 ? count.tone : "transparent"
            border.color: count.value > 0 ? Theme.text : Theme.border
            radius: 2
        }
        Text {
            anchors.centerIn: parent
            text: (count.shape === "square" ? "■ " : count.shape === "triangle" ? "▲ " : count.shape === "diamond" ? "◆ " : "● ")
                  + count.label + " " + count.value
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: count.value > 0
            color: count.value > 0 ? Theme.text : Theme.textMuted
        }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 6
        spacing: 6
        Count { label: qsTr("CRIT"); value: root.critical; tone: Theme.alarmCritical; shape: "square" }
        Count { label: qsTr("HIGH"); value: root.high; tone: Theme.alarmHigh; shape: "triangle" }
        Count { label: qsTr("MED"); value: root.medium; tone: Theme.alarmMedium; shape: "diamond" }
        Count { label: qsTr("LOW"); value: root.low; tone: Theme.alarmLow; shape: "circle" }
        Text {
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            text: root.newest
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            color: Theme.textMuted
        }
    }
    TapHandler { onTapped: root.opened() }
}
