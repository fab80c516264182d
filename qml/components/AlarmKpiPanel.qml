import QtQuick
import QtQuick.Layouts
import Vigil

// Alarm system performance (EEMUA 191) for this operator position: the alarm rate of the last
// 10 minutes and its peak, the flood banner, chattering, fleeting and stale alarms, and the top
// bad actors. Refreshed while shown.
Rectangle {
    id: root
    required property AlarmKpiStatus kpi
    // The bad actors take room from the alarm list: shown on request.
    property bool showBadActors: false

    implicitWidth: 520
    implicitHeight: column.implicitHeight + 24
    color: Theme.surface
    border.color: Theme.border
    radius: 2

    Binding {
        target: root.kpi
        property: "active"
        value: root.visible
    }

    component Figure: Column {
        id: figure
        required property string label
        required property string value
        property string detail: ""
        property bool emphasised: false
        width: 136
        spacing: 2
        Text {
            width: figure.width
            text: figure.label
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            text: (figure.emphasised ? "▲ " : "") + figure.value
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Text {
            visible: figure.detail !== ""
            width: figure.width
            text: figure.detail
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            Text {
                text: qsTr("Alarm performance")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideLeft
                text: root.kpi.busy && !root.kpi.hasData ? qsTr("Reading the journal…") : root.kpi.updatedText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Rectangle {
                objectName: "kpiActorsToggle"
                Layout.preferredWidth: toggleText.implicitWidth + 24
                Layout.preferredHeight: Theme.touchTarget
                color: actorsTap.pressed ? Theme.selection : Theme.raised
                border.color: Theme.border
                radius: 2
                Text {
                    id: toggleText
                    anchors.centerIn: parent
                    text: (root.showBadActors ? "▾ " : "▸ ") + qsTr("Top bad actors (%1)").arg(root.kpi.badActors.length)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    color: Theme.text
                }
                TapHandler {
                    id: actorsTap
                    onTapped: root.showBadActors = !root.showBadActors
                }
            }
        }

        // A flood is abnormal but not an alarm: dark bar, shape and words, no alarm colour.
        Rectangle {
            objectName: "floodBanner"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(Theme.touchTarget, floodText.implicitHeight + 12)
            visible: root.kpi.floodNow
            color: Theme.text
            radius: 2
            Text {
                id: floodText
                anchors.fill: parent
                anchors.leftMargin: 12
                anchors.rightMargin: 12
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.WordWrap
                text: "▲ " + qsTr("ALARM FLOOD: %1 alarms in 10 minutes (flood from %2)")
                      .arg(root.kpi.recentAlarms).arg(root.kpi.floodThreshold)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.surface
            }
        }

        Text {
            objectName: "kpiError"
            visible: root.kpi.errorText !== ""
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: "▲ " + root.kpi.errorText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.text
        }

        Flow {
            Layout.fillWidth: true
            spacing: 12
            Figure {
                objectName: "kpiRecent"
                label: qsTr("Alarms, last 10 min")
                value: root.kpi.recentAlarms
                emphasised: root.kpi.floodNow
            }
            Figure {
                objectName: "kpiPeak"
                label: qsTr("Peak per 10 min")
                value: root.kpi.peakPerWindow
                detail: root.kpi.peakTimeText !== "" ? qsTr("at %1").arg(root.kpi.peakTimeText) : ""
            }
            Figure {
                objectName: "kpiAverage"
                label: qsTr("Average per 10 min")
                value: root.kpi.averageText
                detail: qsTr("%1 alarms").arg(root.kpi.alarms)
            }
            Figure {
                objectName: "kpiFloods"
                label: qsTr("Floods")
                value: root.kpi.floodCount
                detail: qsTr("%1 of the time").arg(root.kpi.floodTimeText)
            }
            Figure {
                objectName: "kpiChattering"
                label: qsTr("Chattering")
                value: root.kpi.chatteringCount
                detail: qsTr("≥ %1 in %2 s").arg(root.kpi.chatterActivations).arg(root.kpi.chatterWindowSeconds)
            }
            Figure {
                objectName: "kpiFleeting"
                label: qsTr("Fleeting")
                value: root.kpi.fleetingCount
                detail: qsTr("cleared within %1 s").arg(root.kpi.fleetingSeconds)
            }
            Figure {
                objectName: "kpiStale"
                label: qsTr("Stale")
                value: root.kpi.staleCount
                detail: qsTr("active > %1 h").arg(root.kpi.staleHours)
            }
        }

        Text {
            visible: root.showBadActors
            text: qsTr("Top bad actors")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
        Text {
            visible: root.showBadActors && root.kpi.badActors.length === 0
            text: qsTr("No alarms in this period")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Column {
            objectName: "badActors"
            visible: root.showBadActors
            Layout.fillWidth: true
            Repeater {
                model: root.kpi.badActors
                Rectangle {
                    id: actor
                    required property int index
                    required property var modelData
                    objectName: "badActor_" + index
                    width: parent.width
                    height: 34
                    color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 4
                        anchors.rightMargin: 4
                        spacing: 8
                        Text {
                            Layout.preferredWidth: 24
                            text: actor.index + 1
                            horizontalAlignment: Text.AlignRight
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                        PriorityMark {
                            Layout.preferredWidth: 76 // the columns after it line up
                            priority: actor.modelData.priority
                            text: actor.modelData.priorityText
                        }
                        Text {
                            Layout.preferredWidth: 120
                            text: actor.modelData.tag !== "" ? actor.modelData.tag : actor.modelData.key
                            elide: Text.ElideRight
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            text: actor.modelData.message
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.text
                        }
                        Text {
                            text: qsTr("%1×").arg(actor.modelData.count)
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                            color: Theme.text
                        }
                    }
                }
            }
        }
    }
}
