import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The alarm summary: every active or unacknowledged alarm, sortable and filterable by priority
// and text; acknowledge the selected one or all visible ones with a comment; shelve, take out of
// service, reset; the detail panel with what to do; and a jump to the tag's trend.
Rectangle {
    id: page
    required property AlarmFilterModel alarms
    required property AlarmOperations operations
    // The alarm KPIs; a page without them (its tests) shows no KPI panel.
    property AlarmKpiStatus kpi: null
    signal trendRequested(string tagId)

    property int selectedId: -1
    // Re-read whenever the engine reports a batch (revision), so the panel shows the latest state.
    readonly property var selected: page.alarms.revision >= 0 && page.selectedId >= 0
                                    ? page.alarms.alarm(page.selectedId) : ({})
    readonly property bool hasSelection: page.selected.alarmId !== undefined
    // The flash phase of unacknowledged alarms.
    property bool phase: true

    color: Theme.background

    readonly property int wPriority: 104
    readonly property int wTime: 90
    readonly property int wTag: 120
    readonly property int wValue: 104
    readonly property int wState: 132
    readonly property int wMessage: Math.max(140, list.width - wPriority - wTime - wTag - wValue - wState - 16)

    Timer {
        interval: 500
        repeat: true
        running: page.visible && page.alarms.unacknowledgedCount > 0
        onTriggered: page.phase = !page.phase
        onRunningChanged: page.phase = true
    }

    ShelveDialog {
        id: shelveDialog
        choices: page.operations.shelveChoices
        onConfirmed: (reason, ms) => {
            if (outOfService)
                page.operations.setOutOfService(page.selectedId, true, reason)
            else
                page.operations.shelve(page.selectedId, reason, ms)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Text {
                text: qsTr("Alarm summary")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            TextField {
                objectName: "alarmFilter"
                Layout.preferredWidth: 260
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Filter by tag, message or state")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText
                text: page.alarms.filterText
                onTextEdited: page.alarms.filterText = text
            }
            Repeater {
                model: [
                    { priority: 4, shape: "square", text: qsTr("Critical") },
                    { priority: 3, shape: "triangle", text: qsTr("High") },
                    { priority: 2, shape: "diamond", text: qsTr("Medium") },
                    { priority: 1, shape: "circle", text: qsTr("Low") }
                ]
                PriorityFilterButton {
                    required property var modelData
                    objectName: "priorityFilter_" + modelData.priority
                    priority: modelData.priority
                    shape: modelData.shape
                    text: modelData.text
                    shown: (page.alarms.priorities & (1 << modelData.priority)) !== 0
                    onToggled: page.alarms.togglePriority(modelData.priority)
                }
            }
            Item { Layout.fillWidth: true }
            Text {
                objectName: "alarmCount"
                text: qsTr("%1 of %2 alarms").arg(page.alarms.count).arg(page.alarms.totalCount)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                color: Theme.textMuted
            }
        }

        // Alarm KPIs (alarm rate, flood, chattering, stale alarms, bad actors), between the
        // filter and the list.
        Loader {
            active: page.kpi !== null
            visible: active
            Layout.fillWidth: true
            sourceComponent: AlarmKpiPanel {
                objectName: "alarmKpiPanel"
                kpi: page.kpi
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border

                Row {
                    id: header
                    x: 1
                    y: 1
                    width: parent.width - 2
                    height: Theme.touchTarget
                    SortHeader { width: page.wPriority; title: qsTr("Priority"); key: "priority"; currentKey: page.alarms.sortKey; ascending: page.alarms.ascending; onSortRequested: (k) => page.alarms.sortBy(k) }
                    SortHeader { objectName: "sortTime"; width: page.wTime; title: qsTr("Time"); key: "time"; currentKey: page.alarms.sortKey; ascending: page.alarms.ascending; onSortRequested: (k) => page.alarms.sortBy(k) }
                    SortHeader { width: page.wTag; title: qsTr("Tag"); key: "tagId"; currentKey: page.alarms.sortKey; ascending: page.alarms.ascending; onSortRequested: (k) => page.alarms.sortBy(k) }
                    SortHeader { width: page.wMessage; title: qsTr("Message"); key: "message"; currentKey: page.alarms.sortKey; ascending: page.alarms.ascending; onSortRequested: (k) => page.alarms.sortBy(k) }
                    SortHeader { width: page.wValue; title: qsTr("Value"); key: ""; currentKey: "-"; alignment: Text.AlignRight }
                    SortHeader { width: page.wState; title: qsTr("State"); key: "state"; currentKey: page.alarms.sortKey; ascending: page.alarms.ascending; onSortRequested: (k) => page.alarms.sortBy(k) }
                }
                Rectangle {
                    anchors.top: header.bottom
                    width: parent.width
                    height: 1
                    color: Theme.border
                }

                Text {
                    anchors.centerIn: parent
                    visible: page.alarms.count === 0
                    text: page.alarms.totalCount === 0 ? qsTr("No active or unacknowledged alarms")
                                                       : qsTr("No alarm matches the filter")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.textMuted
                }

                ListView {
                    id: list
                    objectName: "alarmList"
                    anchors.fill: parent
                    anchors.topMargin: header.height + 2
                    anchors.margins: 1
                    clip: true
                    reuseItems: true
                    boundsBehavior: Flickable.StopAtBounds
                    model: page.alarms
                    ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AlwaysOn }

                    delegate: Rectangle {
                        id: row
                        required property int index
                        required property int alarmId
                        required property string alarmKey
                        required property int priority
                        required property string priorityText
                        required property string shape
                        required property string timeText
                        required property string tagId
                        required property string device
                        required property string message
                        required property string valueText
                        required property string stateText
                        required property string conditionsText
                        required property bool active
                        required property bool acknowledged
                        required property bool actionable
                        readonly property bool selected: page.selectedId === alarmId
                        readonly property bool flashes: actionable && !acknowledged

                        objectName: "alarmRow_" + alarmKey
                        width: ListView.view.width - 16
                        height: Theme.rowHeight
                        color: selected ? Theme.selection : (index % 2 === 0 ? Theme.surface : Theme.surfaceAlt)

                        Rectangle {
                            visible: row.selected
                            width: 5
                            height: parent.height
                            color: Theme.text
                        }
                        Row {
                            anchors.fill: parent
                            Item {
                                width: page.wPriority; height: parent.height
                                PriorityBadge {
                                    anchors.verticalCenter: parent.verticalCenter
                                    x: 8
                                    priority: row.priority
                                    shape: row.shape
                                    text: row.priorityText
                                    filled: row.active && (!row.flashes || page.phase)
                                }
                            }
                            Text {
                                width: page.wTime; height: parent.height
                                leftPadding: 8
                                verticalAlignment: Text.AlignVCenter
                                text: row.timeText
                                elide: Text.ElideRight
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.text
                            }
                            Text {
                                width: page.wTag; height: parent.height
                                leftPadding: 8
                                verticalAlignment: Text.AlignVCenter
                                text: row.tagId !== "" ? row.tagId : row.device
                                elide: Text.ElideRight
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                                color: Theme.text
                            }
                            Text {
                                width: page.wMessage; height: parent.height
                                leftPadding: 8
                                verticalAlignment: Text.AlignVCenter
                                text: row.message
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontNormal
                                font.bold: !row.acknowledged
                                color: Theme.text
                            }
                            Text {
                                width: page.wValue; height: parent.height
                                rightPadding: 8
                                verticalAlignment: Text.AlignVCenter
                                horizontalAlignment: Text.AlignRight
                                text: row.valueText
                                elide: Text.ElideLeft
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontNormal
                                color: Theme.text
                            }
                            Column {
                                width: page.wState
                                anchors.verticalCenter: parent.verticalCenter
                                leftPadding: 8
                                Text {
                                    width: page.wState - 8
                                    text: row.stateText
                                    elide: Text.ElideRight
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontNormal
                                    font.bold: !row.acknowledged
                                    color: Theme.text
                                }
                                Text {
                                    width: page.wState - 8
                                    visible: text !== ""
                                    text: row.conditionsText
                                    elide: Text.ElideRight
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                }
                            }
                        }
                        TapHandler { onTapped: page.selectedId = row.alarmId }
                    }
                }
            }

            AlarmDetailPanel {
                objectName: "alarmDetail"
                // Narrower on a 1280 px panel, so that the list keeps room for the message.
                Layout.preferredWidth: Math.round(Math.max(320, Math.min(420, page.width * 0.28)))
                Layout.fillHeight: true
                alarm: page.selected
                onTrendRequested: (tagId) => page.trendRequested(tagId)
                onShelveRequested: shelveDialog.ask(false, page.selected.message)
                onUnshelveRequested: page.operations.unshelve(page.selectedId)
                onOutOfServiceRequested: shelveDialog.ask(true, page.selected.message)
                onReturnToServiceRequested: page.operations.setOutOfService(page.selectedId, false, "")
                onResetRequested: page.operations.reset(page.selectedId)
                shelveRefusal: page.operations.shelveRefusal
                outOfServiceRefusal: page.operations.outOfServiceRefusal
                resetRefusal: page.operations.acknowledgeRefusal
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            TextField {
                id: comment
                objectName: "ackComment"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Comment for the acknowledgement (optional)")
                font.pixelSize: Theme.fontNormal
            }
            ActionButton {
                objectName: "ackSelected"
                emphasised: true
                text: qsTr("Acknowledge")
                enabled: page.hasSelection && !page.selected.acknowledged
                         && page.operations.acknowledgeRefusal === ""
                Accessible.description: page.operations.acknowledgeRefusal
                onClicked: {
                    page.operations.acknowledge([page.selectedId], comment.text)
                    comment.clear()
                }
            }
            ActionButton {
                objectName: "ackVisible"
                text: qsTr("Acknowledge all visible (%1)").arg(page.alarms.unacknowledgedCount)
                enabled: page.alarms.unacknowledgedCount > 0 && page.operations.acknowledgeRefusal === ""
                Accessible.description: page.operations.acknowledgeRefusal
                onClicked: {
                    page.operations.acknowledge(page.alarms.visibleIds(), comment.text)
                    comment.clear()
                }
            }
        }
        Text {
            // Says why the acknowledge buttons are disabled for this session.
            objectName: "ackRefusal"
            Layout.fillWidth: true
            visible: text !== ""
            text: page.operations.acknowledgeRefusal
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "alarmStatus"
            Layout.fillWidth: true
            text: page.operations.statusText
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
