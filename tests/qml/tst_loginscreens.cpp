// Logging in and out as a user does it, offscreen, on a real SecurityService (journal.db in a
// temporary directory, migrated as the journal migrates it) and a Session driven by a
// ManualClock: the first start shows the create-administrator page and creating one logs in;
// log out from the top bar; a wrong password and a lockout say so; the idle logout counts down
// in the top bar and logs out; a viewer sees why the acknowledge buttons are disabled while an
// operator acknowledges, and the audit trail names the operator.

#include "alarmfiltermodel.h"
#include "alarmlistmodel.h"
#include "alarmoperations.h"
#include "alarms/annunciator.h"
#include "alarmscreenplant.h"
#include "alarmsound.h"
#include "alarmtesting.h"
#include "devicelistmodel.h"
#include "metatypes.h"
#include "plantstatus.h"
#include "qmltesting.h"
#include "security/session.h"
#include "securitytesting.h"
#include "sessioncontroller.h"
#include "util/manualclock.h"

#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using namespace vigil::testing;

namespace
{

const QString kAdmin = QStringLiteral("alice");
const QString kPassword = QStringLiteral("correct horse 42");

SecurityOptions options()
{
    SecurityOptions o;
    o.maxFailedLogins = 3;
    o.lockoutMs = 5 * 60'000;
    o.idleLogoutMs = 2 * 60'000;
    return o;
}

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

} // namespace

class TstLoginScreens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void firstStartShowsTheCreateAdministratorPage();
    void differentPasswordsAreRefused();
    void logOutAndBackIn();
    void wrongPasswordSaysSo();
    void lockoutSaysUntilWhen();
    void idleLogoutCountsDownAndLogsOut();
    void viewerCannotAcknowledgeOperatorCan();

private:
    QQuickItem *item(const QString &name) const { return findItem(m_window, name); }
    void click(const QString &name);
    void setText(const QString &name, const QString &text);
    // Creates the first administrator through the page (the test fails if it cannot).
    void createAdministrator();
    void login(const QString &name, const QString &password);
    // Saves the window as PNG when VIGIL_TEST_SCREENSHOTS names a directory.
    void screenshot(const QString &name);

    QQmlEngine m_qml;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SecurityFixture> m_security;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<AlarmEngine> m_engine;
    std::unique_ptr<AlarmListModel> m_list;
    std::unique_ptr<AlarmFilterModel> m_summary;
    std::unique_ptr<AlarmOperations> m_operations;
    std::unique_ptr<PlantStatus> m_plant;
    std::unique_ptr<DeviceListModel> m_devices;
    std::unique_ptr<Annunciator> m_annunciator;
    std::unique_ptr<AlarmSound> m_sound;
    QQuickWindow *m_window = nullptr;
};

void TstLoginScreens::initTestCase()
{
    registerCoreMetaTypes();
    QLocale::setDefault(QLocale::c());
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    m_qml.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

void TstLoginScreens::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
    m_security = std::make_unique<SecurityFixture>();
    QString error;
    QVERIFY2(m_security->start(options(), &error), qPrintable(error));
    m_session = std::make_unique<Session>(options(), m_clock.get());
    m_controller = std::make_unique<SessionController>(m_session.get(), m_security->service.get());
    m_engine = std::make_unique<AlarmEngine>(alarmScreenPlant(), *m_clock);
    send(*m_engine, kTemp, 5);
    m_list =
        std::make_unique<AlarmListModel>(AlarmListModel::Selection::Listed, alarmScreenPlant());
    m_list->reset(m_engine->listed());
    connect(m_engine.get(), &AlarmEngine::alarmsChanged, m_list.get(),
            &AlarmListModel::applySnapshots);
    m_summary = std::make_unique<AlarmFilterModel>(m_list.get());
    m_operations = std::make_unique<AlarmOperations>(m_engine.get(), 8 * 3'600'000, m_session.get(),
                                                     m_security->service.get());
    m_plant =
        std::make_unique<PlantStatus>(QStringLiteral("Login plant"), QString(), *m_clock, false);
    m_devices = std::make_unique<DeviceListModel>(std::vector<Driver *>());
    m_annunciator = std::make_unique<Annunciator>(*m_clock);
    m_sound = std::make_unique<AlarmSound>(*m_annunciator);

    m_window =
        createWindow(m_qml, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property SessionController session
            required property AlarmFilterModel alarms
            required property AlarmOperations operations
            required property PlantStatus plant
            required property DeviceListModel devices
            required property AlarmSound sound
            width: 1280; height: 800; visible: true
            color: Theme.background
            TopBar {
                id: bar
                width: parent.width
                plant: w.plant
                devices: w.devices
                sound: w.sound
                session: w.session
                operations: w.operations
                onLoginRequested: login.open()
            }
            AlarmsPage {
                objectName: "summaryPage"
                y: bar.height; width: parent.width; height: parent.height - bar.height
                visible: !w.session.needsAdministrator
                alarms: w.alarms
                operations: w.operations
            }
            Loader {
                objectName: "createAdministrator"
                y: bar.height; width: parent.width; height: parent.height - bar.height
                active: w.session.needsAdministrator
                sourceComponent: CreateAdministratorPage { session: w.session }
            }
            LoginDialog { id: login; objectName: "loginDialog"; session: w.session }
        })"),
                     {{QStringLiteral("session"), QVariant::fromValue(m_controller.get())},
                      {QStringLiteral("alarms"), QVariant::fromValue(m_summary.get())},
                      {QStringLiteral("operations"), QVariant::fromValue(m_operations.get())},
                      {QStringLiteral("plant"), QVariant::fromValue(m_plant.get())},
                      {QStringLiteral("devices"), QVariant::fromValue(m_devices.get())},
                      {QStringLiteral("sound"), QVariant::fromValue(m_sound.get())}},
                     &error, QStringLiteral("qrc:/loginscreens.qml"));
    QVERIFY2(m_window, qPrintable(error));
    m_controller->start();
}

void TstLoginScreens::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_sound.reset();
    m_annunciator.reset();
    m_devices.reset();
    m_plant.reset();
    m_operations.reset();
    m_summary.reset();
    m_list.reset();
    m_engine.reset();
    m_controller.reset();
    m_session.reset();
    m_security.reset();
}

void TstLoginScreens::click(const QString &name)
{
    QQuickItem *target = item(name);
    QVERIFY2(target, qPrintable(name));
    QVERIFY2(target->isVisible(), qPrintable(name));
    QVERIFY2(target->isEnabled(), qPrintable(name + QStringLiteral(" is disabled")));
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
}

void TstLoginScreens::setText(const QString &name, const QString &text)
{
    QQuickItem *field = item(name);
    QVERIFY2(field, qPrintable(name));
    QVERIFY(field->setProperty("text", text));
}

void TstLoginScreens::createAdministrator()
{
    QTRY_VERIFY(m_controller->needsAdministrator());
    QTRY_VERIFY(item(QStringLiteral("adminName")));
    setText(QStringLiteral("adminName"), kAdmin);
    setText(QStringLiteral("adminPassword"), kPassword);
    setText(QStringLiteral("adminRepeat"), kPassword);
    screenshot(QStringLiteral("create-administrator"));
    click(QStringLiteral("adminCreate"));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->loggedIn(), 10'000);
}

void TstLoginScreens::login(const QString &name, const QString &password)
{
    if (!item(QStringLiteral("loginDialog"))->isVisible())
        click(QStringLiteral("userArea"));
    QTRY_VERIFY(item(QStringLiteral("loginDialog"))->isVisible());
    setText(QStringLiteral("loginName"), name);
    setText(QStringLiteral("loginPassword"), password);
    click(QStringLiteral("loginSubmit"));
    // The password field is emptied at once, whatever the answer.
    QCOMPARE(textOf(item(QStringLiteral("loginPassword"))), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
}

void TstLoginScreens::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIL_TEST_SCREENSHOTS");
    if (!dir.isEmpty())
        m_window->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void TstLoginScreens::firstStartShowsTheCreateAdministratorPage()
{
    QTRY_VERIFY(m_controller->needsAdministrator());
    QTRY_VERIFY(item(QStringLiteral("adminCreate")));
    QVERIFY(!item(QStringLiteral("summaryPage"))->isVisible());
    QCOMPARE(textOf(item(QStringLiteral("userName"))), QStringLiteral("View only"));
    createAdministrator();
    QCOMPARE(m_session->user(), kAdmin);
    QCOMPARE(m_session->role(), Role::Admin);
    QTRY_VERIFY(!m_controller->needsAdministrator());
    QTRY_VERIFY(!item(QStringLiteral("adminCreate")));
    QVERIFY(item(QStringLiteral("summaryPage"))->isVisible());
    QCOMPARE(textOf(item(QStringLiteral("userName"))), kAdmin + QStringLiteral(" · Administrator"));
    QCOMPARE(textOf(item(QStringLiteral("loginButtonText"))), QStringLiteral("Log out ▸"));
    // The service knows the user now: a second start does not ask again.
    QVERIFY(m_security->wait(m_security->service->hasUsers()));
    AuditRecord row;
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("login"))).seq > 0);
    QCOMPARE(row.user, kAdmin);
}

void TstLoginScreens::differentPasswordsAreRefused()
{
    QTRY_VERIFY(item(QStringLiteral("adminName")));
    setText(QStringLiteral("adminName"), kAdmin);
    setText(QStringLiteral("adminPassword"), kPassword);
    setText(QStringLiteral("adminRepeat"), kPassword + QLatin1Char('!'));
    click(QStringLiteral("adminCreate"));
    QTRY_COMPARE(textOf(item(QStringLiteral("adminMessage"))),
                 QStringLiteral("The two passwords differ"));
    QVERIFY(!m_session->loggedIn());
    QVERIFY(m_controller->needsAdministrator());
    // Both password fields are emptied; the name stays.
    QCOMPARE(textOf(item(QStringLiteral("adminPassword"))), QString());
    QCOMPARE(textOf(item(QStringLiteral("adminName"))), kAdmin);
}

void TstLoginScreens::logOutAndBackIn()
{
    createAdministrator();
    click(QStringLiteral("userArea"));
    QTRY_VERIFY(!m_session->loggedIn());
    QCOMPARE(textOf(item(QStringLiteral("userName"))), QStringLiteral("View only"));
    QCOMPARE(textOf(item(QStringLiteral("loginButtonText"))), QStringLiteral("Log in ▸"));
    AuditRecord row;
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("logout"))).seq > 0);
    QCOMPARE(row.user, kAdmin);
    QCOMPARE(row.detail, QStringLiteral("user"));

    login(kAdmin, kPassword);
    screenshot(QStringLiteral("logged-in"));
    QVERIFY(m_session->loggedIn());
    QTRY_VERIFY(!item(QStringLiteral("loginDialog"))->isVisible());
    QCOMPARE(textOf(item(QStringLiteral("userName"))), kAdmin + QStringLiteral(" · Administrator"));
}

void TstLoginScreens::wrongPasswordSaysSo()
{
    createAdministrator();
    m_controller->logout();
    login(kAdmin, QStringLiteral("wrong"));
    screenshot(QStringLiteral("login-dialog"));
    QVERIFY(!m_session->loggedIn());
    QVERIFY(item(QStringLiteral("loginDialog"))->isVisible());
    QCOMPARE(textOf(item(QStringLiteral("loginMessage"))),
             QStringLiteral("Wrong user name or password"));
    // An unknown name reads the same.
    login(QStringLiteral("mallory"), kPassword);
    QCOMPARE(textOf(item(QStringLiteral("loginMessage"))),
             QStringLiteral("Wrong user name or password"));
}

void TstLoginScreens::lockoutSaysUntilWhen()
{
    createAdministrator();
    m_controller->logout();
    for (int i = 0; i < options().maxFailedLogins; ++i)
        login(kAdmin, QStringLiteral("wrong"));
    // Locked now: even the right password is refused, and the message says until when.
    login(kAdmin, kPassword);
    QVERIFY(!m_session->loggedIn());
    const QString message = textOf(item(QStringLiteral("loginMessage")));
    QVERIFY2(message.startsWith(QStringLiteral("Locked after too many failed logins until ")),
             qPrintable(message));
    const QDateTime until = QDateTime::fromString(message.section(QStringLiteral("until "), 1),
                                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(until.isValid(), qPrintable(message));
    const qint64 ahead = QDateTime::currentDateTime().secsTo(until);
    QVERIFY2(ahead > 60 && ahead <= options().lockoutMs / 1000, qPrintable(message));
}

void TstLoginScreens::idleLogoutCountsDownAndLogsOut()
{
    createAdministrator();
    QCOMPARE(m_controller->idleRemainingSeconds(), int(options().idleLogoutMs / 1000));
    QCOMPARE(textOf(item(QStringLiteral("loginButtonText"))), QStringLiteral("Log out ▸"));
    m_clock->advance(options().idleLogoutMs - 30'000);
    m_controller->tick();
    QCOMPARE(m_controller->idleRemainingSeconds(), 30);
    QTRY_COMPARE(textOf(item(QStringLiteral("loginButtonText"))),
                 QStringLiteral("Log out ▸ auto in 30 s"));
    // A touch anywhere restarts the idle time.
    QTest::mouseClick(m_window, Qt::LeftButton, {}, QPoint(640, 500));
    m_controller->tick();
    QCOMPARE(m_controller->idleRemainingSeconds(), int(options().idleLogoutMs / 1000));

    m_clock->advance(options().idleLogoutMs + 1);
    m_controller->tick();
    QVERIFY(!m_session->loggedIn());
    QCOMPARE(m_controller->idleRemainingSeconds(), -1);
    QTRY_COMPARE(textOf(item(QStringLiteral("userName"))), QStringLiteral("View only"));
    // The top bar says why nobody is logged in any more.
    auto *notice = m_window->findChild<QObject *>(QStringLiteral("sessionNotice"));
    QVERIFY(notice);
    QTRY_VERIFY(notice->property("visible").toBool());
    QVERIFY2(notice->property("text").toString().contains(kAdmin),
             qPrintable(notice->property("text").toString()));
    AuditRecord row;
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("logout"))).seq > 0);
    QCOMPARE(row.user, kAdmin);
    QCOMPARE(row.detail, QStringLiteral("idle"));
}

void TstLoginScreens::viewerCannotAcknowledgeOperatorCan()
{
    createAdministrator();
    m_session->logIn(QStringLiteral("vera"), Role::Viewer);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = item(QStringLiteral("alarmRow_TT201/lo"))) != nullptr);
    QTest::mouseClick(m_window, Qt::LeftButton, {},
                      row->mapToScene(QPointF(row->width() / 2, row->height() / 2)).toPoint());
    QTRY_COMPARE(item(QStringLiteral("summaryPage"))->property("selectedId").toInt(),
                 int(alarmId(*m_engine, QStringLiteral("TT201/lo"))));
    QVERIFY(!item(QStringLiteral("ackSelected"))->isEnabled());
    QVERIFY(!item(QStringLiteral("ackVisible"))->isEnabled());
    QCOMPARE(textOf(item(QStringLiteral("ackRefusal"))),
             QStringLiteral("Log in as an operator to acknowledge"));
    QVERIFY(item(QStringLiteral("ackRefusal"))->isVisible());
    QCOMPARE(textOf(item(QStringLiteral("userName"))), QStringLiteral("vera · Viewer"));

    m_session->logIn(QStringLiteral("otto"), Role::Operator);
    QTRY_VERIFY(item(QStringLiteral("ackSelected"))->isEnabled());
    QVERIFY(!item(QStringLiteral("ackRefusal"))->isVisible());
    click(QStringLiteral("ackSelected"));
    QTRY_VERIFY(m_engine->flags(alarmId(*m_engine, QStringLiteral("TT201/lo"))).acknowledged);
    QCOMPARE(m_engine->snapshot(alarmId(*m_engine, QStringLiteral("TT201/lo"))).ackUser,
             QStringLiteral("otto"));
    AuditRecord audit;
    QTRY_VERIFY((audit = m_security->lastAudit(QStringLiteral("alarm.acknowledge"))).seq > 0);
    QCOMPARE(audit.user, QStringLiteral("otto"));
    QCOMPARE(audit.target, QStringLiteral("TT201/lo"));
    QCOMPARE(audit.result, QStringLiteral("ok"));
}

QTEST_MAIN(TstLoginScreens)
#include "tst_loginscreens.moc"
