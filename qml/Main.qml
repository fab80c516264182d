import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

ApplicationWindow {
    id: window
    required property PlantStatus plant
    required property TagFilterModel tags
    required property DeviceListModel devices
    required property TrendController trend
    required property HistoryStatus history
    required property AlarmSound alarmSound
    required property AlarmFilterModel alarms
    required property AlarmListModel shelvedAlarms
    required property AlarmBannerStatus alarmBanner
    required property AlarmOperations alarmOperations
    required property AlarmHistoryModel alarmHistory
    required property EventTimelineModel events
    required property AlarmKpiStatus alarmKpi
    required property SessionController session
    required property AuditListModel audit
    required property FaceplateController faceplate
    required property UserAdministration users

    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    visibility: plant.kiosk ? Window.FullScreen : Window.AutomaticVisibility
    flags: plant.kiosk ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    title: plant.plantName + " — Vigil"
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal

    header: TopBar {
        plant: window.plant
        devices: window.devices
        history: window.history
        sound: window.alarmSound
        alarms: window.alarmBanner
        session: window.session
        operations: window.alarmOperations
        onLoginRequested: loginDialog.open()
        onAlarmsRequested: nav.currentIndex = 3
        onDevicesRequested: nav.currentIndex = 1
        onHistoryRequested: nav.currentIndex = 2
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: !window.session.needsAdministrator

        Rectangle {
            id: nav
            property int currentIndex: 0
            readonly property var pages: [qsTr("Tags"), qsTr("Devices"), qsTr("Trends"), qsTr("Alarms"),
                                          qsTr("Shelved"), qsTr("Alarm\nhistory"), qsTr("Events"), qsTr("Audit"),
                                          qsTr("Users")]
            readonly property int auditIndex: 7
            readonly property bool auditAllowed: window.session.permissions.indexOf("view-audit") >= 0
            readonly property int usersIndex: 8
            readonly property bool usersAllowed: window.session.permissions.indexOf("manage-users") >= 0
            // Leaving the Audit or Users page when the session no longer may see it (logout, idle).
            onAuditAllowedChanged: if (!auditAllowed && currentIndex === auditIndex) currentIndex = 0
            onUsersAllowedChanged: if (!usersAllowed && currentIndex === usersIndex) currentIndex = 0
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.navWidth
            color: Theme.bar
            Column {
                width: parent.width
                Repeater {
                    model: nav.pages
                    NavButton {
                        required property int index
                        required property string modelData
                        objectName: "nav_" + index
                        width: nav.width
                        visible: (index !== nav.auditIndex || nav.auditAllowed)
                                 && (index !== nav.usersIndex || nav.usersAllowed)
                        text: modelData
                        selected: nav.currentIndex === index
                        onClicked: nav.currentIndex = index
                    }
                }
            }
            Text {
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottomMargin: 8
                text: "Vigil " + window.plant.version
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }

        StackLayout {
            id: stack
            objectName: "pages"
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: nav.currentIndex
            TagsPage {
                tags: window.tags
                onTagOpened: (tagId) => window.faceplate.openTag(tagId)
            }
            DevicesPage { devices: window.devices }
            TrendPage { trend: window.trend; history: window.history }
            AlarmsPage {
                alarms: window.alarms
                operations: window.alarmOperations
                kpi: window.alarmKpi
                onTrendRequested: (tagId) => {
                    window.trend.addPen(tagId)
                    nav.currentIndex = 2
                }
            }
            ShelvedPage { alarms: window.shelvedAlarms; operations: window.alarmOperations }
            AlarmHistoryPage { history: window.alarmHistory }
            EventsPage { events: window.events }
            AuditPage { audit: window.audit }
            UsersPage { administration: window.users }
        }
    }

    Faceplate {
        controller: window.faceplate
    }

    Loader {
        // No user exists yet: the first administrator is created before anything else.
        objectName: "createAdministrator"
        anchors.fill: parent
        active: window.session.needsAdministrator
        sourceComponent: CreateAdministratorPage { session: window.session }
    }

    LoginDialog {
        id: loginDialog
        objectName: "loginDialog"
        session: window.session
    }

    Loader {
        // The on-screen keyboard is part of the window on kiosk panels.
        active: window.plant.kiosk
        anchors.fill: parent
        source: "components/KeyboardPanel.qml"
    }
}
