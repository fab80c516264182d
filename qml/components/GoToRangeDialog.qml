import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Jump to a time range: from and to as typed by the operator (2024-01-05 13:00, -2h, now).
Popup {
    id: dialog
    signal rangeRequested(string from, string to)
    property string error: ""

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 520
    padding: 16
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.text
        border.width: 2
        radius: 2
    }

    function showError(message) { error = message }
    onOpened: { error = ""; fromField.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Text {
            text: qsTr("Go to time range")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Local time such as 2024-01-05 13:00, a date, \"now\", or an offset such as -2h or -7d.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        GridLayout {
            columns: 2
            columnSpacing: 12
            rowSpacing: 8
            Text { text: qsTr("From"); font.pixelSize: Theme.fontNormal; color: Theme.text }
            TextField {
                id: fromField
                objectName: "goToFrom"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                text: "-8h"
                inputMethodHints: Qt.ImhNoPredictiveText
                onAccepted: toField.forceActiveFocus()
            }
            Text { text: qsTr("To"); font.pixelSize: Theme.fontNormal; color: Theme.text }
            TextField {
                id: toField
                objectName: "goToTo"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                text: "now"
                inputMethodHints: Qt.ImhNoPredictiveText
                onAccepted: dialog.rangeRequested(fromField.text, toField.text)
            }
        }
        Text {
            visible: dialog.error !== ""
            text: "▲ " + dialog.error
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: 8
            Button {
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: 120
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            Button {
                objectName: "goToShow"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: 120
                text: qsTr("Show")
                onClicked: dialog.rangeRequested(fromField.text, toField.text)
            }
        }
    }
}
