import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The time range of a journal list: last hour, 24 hours, 7 days, or a range typed by the
// operator; the range shown and a refresh (new entries appear on refresh, the list never moves
// under the operator's finger).
RowLayout {
    id: root
    required property JournalListModel model
    spacing: 8

    FilterButton {
        objectName: "rangeHour"
        text: qsTr("Last hour")
        checkedLook: root.model.rangePreset === JournalListModel.LastHour
        onClicked: root.model.setRangePreset(JournalListModel.LastHour)
    }
    FilterButton {
        objectName: "rangeDay"
        text: qsTr("24 h")
        checkedLook: root.model.rangePreset === JournalListModel.LastDay
        onClicked: root.model.setRangePreset(JournalListModel.LastDay)
    }
    FilterButton {
        objectName: "rangeWeek"
        text: qsTr("7 days")
        checkedLook: root.model.rangePreset === JournalListModel.LastWeek
        onClicked: root.model.setRangePreset(JournalListModel.LastWeek)
    }
    FilterButton {
        objectName: "rangeCustom"
        text: qsTr("Range…")
        checkedLook: root.model.rangePreset === JournalListModel.Custom
        onClicked: goTo.open()
    }
    Text {
        Layout.fillWidth: true
        Layout.minimumWidth: 120
        text: root.model.rangeText
        elide: Text.ElideRight
        font.family: Theme.monoFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }
    FilterButton {
        objectName: "refresh"
        text: "↻ " + qsTr("Refresh")
        enabled: !root.model.busy
        onClicked: root.model.refresh()
    }

    GoToRangeDialog {
        id: goTo
        onRangeRequested: (from, to) => {
            if (root.model.setCustomRange(from, to))
                close()
            else
                showError(qsTr("Unreadable range: use e.g. 2024-01-05 13:00, -2h or now, with from before to."))
        }
    }
}
