import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Level-4 diagnostics: each device's connection state with its reason, and its communication
// statistics.
Rectangle {
    id: page
    required property DeviceListModel devices
    color: Theme.background

    component Stat: Column {
        required property string label
        required property string value
        width: 118
        Text {
            text: parent.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            text: parent.value
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        Text {
            text: qsTr("Devices")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }

        ListView {
            id: list
            objectName: "deviceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: page.devices
            ScrollBar.vertical: ScrollBar { width: 16 }

            delegate: Rectangle {
                id: card
                required property string deviceId
                required property string driver
                required property string description
                required property string stateText
                required property string reason
                required property string sinceText
                required property bool isHealthy
                required property int tagCount
                required property real requests
                required property real errors
                required property real timeouts
                required property real reconnects
                required property real messagesIn
                required property real messagesOut
                required property real rejected
                required property real writes
                required property real writeErrors
                required property real overruns
                required property real rttAvgMs
                required property real rttMaxMs
                required property string lastError
                required property string errorsByKind
                required property string warnings

                width: ListView.view.width - 20
                height: content.implicitHeight + 24
                color: Theme.surface
                border.color: card.isHealthy ? Theme.border : Theme.diagnostic
                border.width: card.isHealthy ? 1 : 3
                radius: 2

                ColumnLayout {
                    id: content
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 8
                    RowLayout {
                        spacing: 16
                        Text {
                            text: card.deviceId
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                        }
                        Text {
                            text: card.driver + " · " + qsTr("%n tag(s)", "", card.tagCount)
                                  + (card.description !== "" ? " · " + card.description : "")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontNormal
                            color: Theme.textMuted
                        }
                        Text {
                            // Long reasons (device paths, error texts) wrap instead of overflowing.
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            wrapMode: Text.Wrap
                            text: (card.isHealthy ? "● " : "▲ ") + card.stateText
                                  + (card.reason !== "" ? " — " + card.reason : "")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontNormal
                            font.bold: !card.isHealthy
                            color: Theme.text
                        }
                        Text {
                            text: qsTr("since %1").arg(card.sinceText)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                    Text {
                        objectName: "deviceWarnings"
                        Layout.fillWidth: true
                        visible: card.warnings !== ""
                        text: "▲ " + qsTr("Warning: %1").arg(card.warnings)
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                        color: Theme.text
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 8
                        Stat { label: qsTr("Requests"); value: card.requests.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Errors"); value: card.errors.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Timeouts"); value: card.timeouts.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Reconnects"); value: card.reconnects.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Messages in"); value: card.messagesIn.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Messages out"); value: card.messagesOut.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Rejected"); value: card.rejected.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Writes (failed)"); value: card.writes.toLocaleString(Qt.locale(), "f", 0) + " (" + card.writeErrors.toLocaleString(Qt.locale(), "f", 0) + ")" }
                        Stat { label: qsTr("Overruns"); value: card.overruns.toLocaleString(Qt.locale(), "f", 0) }
                        Stat { label: qsTr("Round trip avg/max"); value: card.rttAvgMs.toFixed(1) + " / " + card.rttMaxMs.toFixed(1) + " ms" }
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: card.lastError !== ""
                        text: qsTr("Last error: %1").arg(card.lastError) + (card.errorsByKind !== "" ? "  (" + card.errorsByKind + ")" : "")
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                }
            }
        }
    }
}
