import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The detail panel of one alarm: what it says, its tag, value and limit, when it was raised,
// cleared and acknowledged and by whom, shelving and service state, and its rationalisation
// (cause, consequence, action, response time) so that the operator knows what to do.
Rectangle {
    id: panel
    property var alarm: ({})
    readonly property bool present: alarm.alarmId !== undefined
    signal trendRequested(string tagId)
    signal shelveRequested()
    signal unshelveRequested()
    signal outOfServiceRequested()
    signal returnToServiceRequested()
    signal resetRequested()
    // Why the session may not shelve, take out of service or reset (empty: it may).
    property string shelveRefusal: ""
    property string outOfServiceRefusal: ""
    property string resetRefusal: ""

    color: Theme.surface
    border.color: Theme.border

    component Field: Column {
        id: field
        property string label
        property string value
        property bool strong: false
        width: parent ? parent.width : 0
        visible: value !== ""
        spacing: 1
        Text {
            text: field.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            width: field.width
            text: field.value
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: field.strong
            color: Theme.text
        }
    }

    // A rationalisation text: always shown, "Not stated" when the plant file gives none.
    component Rationale: Column {
        id: why
        property string label
        property string value
        property bool strong: false
        width: parent ? parent.width : 0
        spacing: 1
        Text {
            text: why.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        Text {
            width: why.width
            text: why.value !== "" ? why.value : qsTr("Not stated")
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: why.strong && why.value !== ""
            font.italic: why.value === ""
            color: why.value !== "" ? Theme.text : Theme.textMuted
        }
    }

    Text {
        anchors.centerIn: parent
        width: parent.width - 32
        visible: !panel.present
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: qsTr("Select an alarm to see its details and what to do.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        color: Theme.textMuted
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        visible: panel.present

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: details.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 12; policy: flick.contentHeight > flick.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

            Column {
                id: details
                width: flick.width - 14
                spacing: 8
                Row {
                    spacing: 8
                    PriorityBadge {
                        priority: panel.alarm.priority ?? 0
                        shape: panel.alarm.shape ?? ""
                        text: panel.alarm.priorityText ?? ""
                        filled: panel.alarm.active ?? false
                    }
                    Text {
                        objectName: "detailState"
                        anchors.verticalCenter: parent.verticalCenter
                        text: panel.alarm.stateText ?? ""
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                        font.bold: !(panel.alarm.acknowledged ?? true)
                        color: Theme.text
                    }
                }
                Text {
                    objectName: "detailMessage"
                    width: details.width
                    text: panel.alarm.message ?? ""
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    width: details.width
                    visible: text !== ""
                    text: (panel.alarm.conditionsText ?? "") !== "" ? "▲ " + panel.alarm.conditionsText : ""
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    text: qsTr("What to do")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Rationale { objectName: "detailAction"; label: qsTr("Action"); value: panel.alarm.action ?? ""; strong: true }
                Rationale { objectName: "detailResponse"; label: qsTr("Response time"); value: panel.alarm.responseTimeText ?? "" }
                Rationale { objectName: "detailCause"; label: qsTr("Cause"); value: panel.alarm.cause ?? "" }
                Rationale { objectName: "detailConsequence"; label: qsTr("Consequence"); value: panel.alarm.consequence ?? "" }
                Rectangle { width: details.width; height: 1; color: Theme.divider }
                Field { label: qsTr("Tag"); value: panel.alarm.tagId ?? "" }
                Field { label: qsTr("Device"); value: (panel.alarm.tagId ?? "") === "" ? (panel.alarm.device ?? "") : "" }
                Field { label: qsTr("Alarm"); value: panel.alarm.kind ?? "" }
                Field { objectName: "detailValue"; label: qsTr("Value"); value: panel.alarm.valueText ?? ""; strong: true }
                Field { label: qsTr("Limit"); value: panel.alarm.limitText ?? "" }
                Field { label: qsTr("Reason"); value: panel.alarm.detail ?? "" }
                Field { label: qsTr("Active since"); value: panel.alarm.timeText ?? "" }
                Field { label: qsTr("Returned to normal"); value: panel.alarm.clearedTimeText ?? "" }
                Field {
                    objectName: "detailAcknowledged"
                    label: qsTr("Acknowledged")
                    value: (panel.alarm.ackUser ?? "") === "" ? ""
                           : qsTr("by %1 at %2").arg(panel.alarm.ackUser).arg(panel.alarm.ackTimeText)
                }
                Field { label: qsTr("Comment"); value: panel.alarm.ackComment ?? "" }
                Field {
                    label: qsTr("Shelved")
                    value: !(panel.alarm.shelved ?? false) ? ""
                           : qsTr("by %1: %2 (%3)").arg(panel.alarm.shelveUser).arg(panel.alarm.shelveReason)
                                                   .arg(panel.alarm.shelveUntilText)
                }
                Field {
                    label: qsTr("Out of service")
                    value: (panel.alarm.outOfService ?? false) ? qsTr("by %1").arg(panel.alarm.outOfServiceUser) : ""
                }

            }
        }

        Grid {
            id: buttons
            // Two equal columns across the panel (Qt 6.4 layouts have no uniform cell widths).
            readonly property real half: (panel.width - 20 - spacing) / 2
            Layout.fillWidth: true
            columns: 2
            spacing: 8
            ActionButton {
                objectName: "showTrend"
                width: buttons.half
                text: qsTr("Show trend")
                enabled: panel.alarm.hasTrend ?? false
                onClicked: panel.trendRequested(panel.alarm.tagId)
            }
            ActionButton {
                objectName: "shelveAlarm"
                width: buttons.half
                text: (panel.alarm.shelved ?? false) ? qsTr("Unshelve") : qsTr("Shelve…")
                enabled: panel.shelveRefusal === ""
                Accessible.description: panel.shelveRefusal
                onClicked: (panel.alarm.shelved ?? false) ? panel.unshelveRequested() : panel.shelveRequested()
            }
            ActionButton {
                objectName: "serviceAlarm"
                width: buttons.half
                text: (panel.alarm.outOfService ?? false) ? qsTr("Return to service") : qsTr("Out of service…")
                enabled: panel.outOfServiceRefusal === ""
                Accessible.description: panel.outOfServiceRefusal
                onClicked: (panel.alarm.outOfService ?? false) ? panel.returnToServiceRequested()
                                                               : panel.outOfServiceRequested()
            }
            ActionButton {
                objectName: "resetAlarm"
                width: buttons.half
                text: qsTr("Reset")
                enabled: (panel.alarm.latched ?? false) && panel.resetRefusal === ""
                Accessible.description: panel.resetRefusal
                onClicked: panel.resetRequested()
            }
        }
        Text {
            // Why buttons are disabled for this user, once per reason.
            objectName: "detailRefusal"
            Layout.fillWidth: true
            visible: text !== ""
            text: [panel.shelveRefusal, panel.outOfServiceRefusal, panel.resetRefusal]
                  .filter((s, i, all) => s !== "" && all.indexOf(s) === i).join("\n")
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
