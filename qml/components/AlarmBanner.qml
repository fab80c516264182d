import QtQuick
import QtQuick.Layouts
import Vigil

// The alarm banner of the top bar: counts of unacknowledged alarms by priority (colour + shape +
// text), and the newest highest-priority alarm. It flashes only while something is
// unacknowledged. Tapping it opens the alarm list.
Rectangle {
    id: root
    property AlarmBannerStatus status: null
    readonly property bool flashing: status !== null && status.flashing
    // The flash phase: counts and the newest alarm are filled when true, outlined when false.
    property bool phase: true
    signal opened()

    implicitWidth: row.implicitWidth + 12
    implicitHeight: Theme.touchTarget
    color: Theme.surface
    border.color: root.flashing ? Theme.text : Theme.border
    radius: 2

    Timer {
        interval: 500
        repeat: true
        running: root.flashing
        onTriggered: root.phase = !root.phase
        onRunningChanged: root.phase = true
    }

    component Count: Rectangle {
        id: count
        required property string label
        required property int value
        required property color tone
        required property string shape
        readonly property bool lit: value > 0 && (root.phase || !root.flashing)
        implicitWidth: Math.max(70, countText.implicitWidth + 10)
        implicitHeight: 19
        color: lit ? tone : "transparent"
        border.color: value > 0 ? (lit ? Theme.text : tone) : Theme.border
        border.width: value > 0 && !lit ? 2 : 1
        radius: 2
        Text {
            id: countText
            anchors.centerIn: parent
            text: (count.shape === "square" ? "■ " : count.shape === "triangle" ? "▲ "
                   : count.shape === "diamond" ? "◆ " : "● ") + count.label + " " + count.value
            font.family: Theme.fontFamily
            font.pixelSize: 12
            font.bold: count.value > 0
            color: count.lit && count.shape === "square" ? Theme.raised
                   : count.value > 0 ? Theme.text : Theme.textMuted
        }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 4
        anchors.leftMargin: 6
        spacing: 8
        GridLayout {
            columns: 2
            rowSpacing: 2
            columnSpacing: 3
            Count {
                objectName: "bannerCritical"
                label: qsTr("CRIT"); value: root.status ? root.status.critical : 0
                tone: Theme.alarmCritical; shape: "square"
            }
            Count {
                objectName: "bannerHigh"
                label: qsTr("HIGH"); value: root.status ? root.status.high : 0
                tone: Theme.alarmHigh; shape: "triangle"
            }
            Count {
                objectName: "bannerMedium"
                label: qsTr("MED"); value: root.status ? root.status.medium : 0
                tone: Theme.alarmMedium; shape: "diamond"
            }
            Count {
                objectName: "bannerLow"
                label: qsTr("LOW"); value: root.status ? root.status.low : 0
                tone: Theme.alarmLow; shape: "circle"
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            spacing: 1
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                PriorityBadge {
                    objectName: "bannerNewestPriority"
                    visible: root.status !== null && root.status.newestPriority > 0
                    implicitHeight: 19
                    priority: root.status ? root.status.newestPriority : 0
                    shape: root.status ? root.status.newestShape : ""
                    text: root.status ? root.status.newestPriorityText : ""
                    filled: root.phase
                }
                Text {
                    objectName: "bannerNewestSource"
                    Layout.fillWidth: true
                    text: root.status && root.status.newestPriority > 0
                          ? root.status.newestTimeText + "  " + root.status.newestSource
                          : qsTr("No unacknowledged alarms")
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: root.flashing
                    color: root.flashing ? Theme.text : Theme.textMuted
                }
            }
            Text {
                objectName: "bannerNewest"
                Layout.fillWidth: true
                visible: text !== ""
                text: root.status ? root.status.newestMessage : ""
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.text
            }
        }
    }
    TapHandler { onTapped: root.opened() }
}
