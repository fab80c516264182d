import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// The persistent top bar (ISA-101): plant name, alarm banner and silence, communication status,
// clock, user.
Rectangle {
    id: root
    required property PlantStatus plant
    required property DeviceListModel devices
    required property AlarmSound sound
    property HistoryStatus history: null
    property AlarmBannerStatus alarms: null
    signal alarmsRequested()
    signal devicesRequested()
    signal historyRequested()
    signal loginRequested()
    property SessionController session: null
    property AlarmOperations operations: null

    implicitHeight: Theme.topBarHeight
    color: Theme.bar

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 12

        ColumnLayout {
            spacing: 0
            // On a 1280 px panel the alarm banner needs the room more than the plant's description.
            readonly property int widest: root.width >= 1600 ? 380 : 300
            Layout.preferredWidth: Math.min(implicitWidth, widest)
            Layout.maximumWidth: widest
            Text {
                Layout.fillWidth: true
                text: root.plant.plantName
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Text {
                Layout.fillWidth: true
                text: root.plant.description
                visible: text !== ""
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }

        AlarmBanner {
            objectName: "alarmBanner"
            Layout.fillWidth: true
            status: root.alarms
            onOpened: root.alarmsRequested()
        }

        SilenceButton {
            objectName: "silenceButton"
            sound: root.sound
            operations: root.operations
        }

        Rectangle {
            id: comm
            objectName: "commStatus"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: commText.implicitWidth + 24
            color: root.devices.allHealthy ? "transparent" : Theme.surface
            border.color: root.devices.allHealthy ? Theme.border : Theme.diagnostic
            border.width: root.devices.allHealthy ? 1 : 3
            radius: 2
            Text {
                id: commText
                anchors.centerIn: parent
                text: (root.devices.allHealthy ? qsTr("COMM OK") : "▲ " + qsTr("COMM FAULT"))
                      + "  " + root.devices.healthyCount + "/" + root.devices.deviceCount
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: !root.devices.allHealthy
                color: Theme.text
            }
            TapHandler { onTapped: root.devicesRequested() }
        }

        Rectangle {
            // Shown only while history is not being recorded (disk full, read-only, unreachable).
            objectName: "historyStatus"
            visible: root.history !== null && root.history.degraded
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: histText.implicitWidth + 16
            color: Theme.surface
            border.color: Theme.diagnostic
            border.width: 3
            radius: 2
            Text {
                id: histText
                anchors.centerIn: parent
                text: "▲ " + qsTr("HIST")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.text
            }
            TapHandler { onTapped: root.historyRequested() }
        }

        ColumnLayout {
            spacing: 0
            Text {
                objectName: "clockTime"
                Layout.alignment: Qt.AlignRight
                text: root.plant.timeText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            Text {
                Layout.alignment: Qt.AlignRight
                text: root.plant.dateText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }

        Rectangle {
            // Who is logged in and as what, the remaining idle time in the last minute, and the
            // way to log in or out.
            id: userArea
            objectName: "userArea"
            readonly property bool loggedIn: root.session !== null && root.session.loggedIn
            readonly property int idle: root.session !== null ? root.session.idleRemainingSeconds : -1
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: Math.max(150, userColumn.implicitWidth + 24)
            color: userTap.pressed ? Theme.selection : "transparent"
            border.color: root.session !== null ? Theme.text : Theme.border
            radius: 2
            Accessible.role: Accessible.Button
            Accessible.name: loginText.text
            Column {
                id: userColumn
                anchors.centerIn: parent
                Text {
                    objectName: "userName"
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: userArea.loggedIn ? root.session.userName + " · " + root.session.roleName
                                                 : root.session !== null && root.session.roleName !== ""
                                                   ? root.session.roleName : qsTr("View only")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    id: loginText
                    objectName: "loginButtonText"
                    anchors.horizontalCenter: parent.horizontalCenter
                    readonly property bool expiring: userArea.loggedIn && userArea.idle >= 0
                                                     && userArea.idle < 60
                    text: root.session === null ? qsTr("not logged in")
                          : expiring ? qsTr("Log out ▸ auto in %1 s").arg(userArea.idle)
                          : userArea.loggedIn ? qsTr("Log out ▸") : qsTr("Log in ▸")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: expiring
                    color: expiring ? Theme.text : Theme.textMuted
                }
            }
            // Why nobody is logged in any more (the idle logout), until the next login or a tap.
            ToolTip {
                objectName: "sessionNotice"
                visible: root.session !== null && !userArea.loggedIn && root.session.message !== ""
                text: root.session !== null ? root.session.message : ""
                y: userArea.height + 4
                timeout: 30000
                onClosed: if (root.session !== null && !userArea.loggedIn) root.session.clearMessage()
            }
            TapHandler {
                id: userTap
                enabled: root.session !== null && !root.session.needsAdministrator
                onTapped: root.session.loggedIn ? root.session.logout() : root.loginRequested()
            }
        }
    }
}
