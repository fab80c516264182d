import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// One pen of a trend legend: colour sample, tag, description, value under the cursor (or the
// latest) with unit and quality, and its scale when it is the focused pen. Tap to show its scale.
Rectangle {
    id: row
    required property int index
    required property string tagId
    required property string description
    required property color penColor
    required property bool penVisible
    required property bool focused
    required property string valueText
    required property string qualityMark
    required property bool isBad
    required property string scaleText
    signal focusRequested()
    signal visibilityToggled()
    signal removeRequested()

    implicitHeight: 76
    color: focused ? Theme.raised : Theme.surface
    border.color: focused ? Theme.text : Theme.divider
    border.width: focused ? 2 : 1
    radius: 2

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 4
        spacing: 8

        // The line as drawn: solid when shown, dashed outline when hidden.
        Rectangle {
            Layout.preferredWidth: 6
            Layout.fillHeight: true
            Layout.topMargin: 8
            Layout.bottomMargin: 8
            color: row.penVisible ? row.penColor : "transparent"
            border.color: row.penColor
            border.width: 1
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            RowLayout {
                spacing: 6
                Text {
                    text: row.tagId
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                    color: row.penColor
                }
                QualityBadge {
                    mark: row.qualityMark
                    uncertain: row.qualityMark === "?"
                    bad: row.isBad
                }
            }
            Text {
                Layout.fillWidth: true
                text: row.description
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Text {
                objectName: "penValue_" + row.tagId
                text: row.valueText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontLarge
                font.bold: !row.isBad
                color: row.isBad ? Theme.textDisabled : Theme.text
            }
            Text {
                visible: row.focused
                text: qsTr("Scale %1").arg(row.scaleText)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        Button {
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            text: row.penVisible ? qsTr("Hide") : qsTr("Show")
            font.pixelSize: Theme.fontSmall
            onClicked: row.visibilityToggled()
        }
        Button {
            objectName: "removePen_" + row.tagId
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            text: "✕"
            font.pixelSize: Theme.fontLarge
            onClicked: row.removeRequested()
        }
    }
    TapHandler { onTapped: row.focusRequested() }
}
