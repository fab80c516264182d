// Session: who is logged in on this panel, with the idle logout driven by a ManualClock and the
// permissions of nobody, a user, and the automatic viewer of a panel configured for one.

#include "security/permissionmatrix.h"
#include "security/session.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace vigil;

namespace
{
constexpr qint64 kMinute = 60'000;
} // namespace

class TstSession : public QObject
{
    Q_OBJECT

private slots:
    void nobodyHoldsNoPermission();
    void aUserHoldsTheRolesPermissions();
    void idleLogoutAfterTheConfiguredTime();
    void touchRestartsTheIdleTime();
    void idleLogoutZeroNeverLogsOut();
    void autoViewerGetsTheViewersPermissions();
    void loggingInAnotherUserLogsOutTheFirst();
    void logOutWhenNobodyIsLoggedInDoesNothing();
};

void TstSession::nobodyHoldsNoPermission()
{
    ManualClock clock;
    Session session(SecurityOptions(), &clock);
    QVERIFY(!session.loggedIn());
    QCOMPARE(session.user(), QString());
    QCOMPARE(session.role(), Role::Viewer);
    QCOMPARE(session.roleName(), QString());
    QVERIFY(!session.autoViewer());
    for (const QString &name : permissionNames())
        QVERIFY2(!session.allowed(*parsePermission(name)), qPrintable(name));
    QCOMPARE(session.idleRemainingMs(), -1);
}

void TstSession::aUserHoldsTheRolesPermissions()
{
    ManualClock clock;
    Session session(SecurityOptions(), &clock);
    QSignalSpy changed(&session, &Session::changed);
    session.logIn(QStringLiteral("olga"), Role::Operator);
    QCOMPARE(changed.count(), 1);
    QVERIFY(session.loggedIn());
    QCOMPARE(session.user(), QStringLiteral("olga"));
    QCOMPARE(session.role(), Role::Operator);
    QCOMPARE(session.roleName(), QStringLiteral("operator"));
    for (const QString &name : permissionNames()) {
        const Permission p = *parsePermission(name);
        QCOMPARE(session.allowed(p), PermissionMatrix::allowed(Role::Operator, p));
    }
    QVERIFY(session.allowed(Permission::OperateEquipment));
    QVERIFY(!session.allowed(Permission::ManageUsers));
}

void TstSession::idleLogoutAfterTheConfiguredTime()
{
    ManualClock clock;
    SecurityOptions options;
    options.idleLogoutMs = 10 * kMinute;
    Session session(options, &clock);
    QSignalSpy loggedOut(&session, &Session::loggedOut);
    session.logIn(QStringLiteral("olga"), Role::Operator);
    QCOMPARE(session.idleRemainingMs(), 10 * kMinute);

    clock.advance(10 * kMinute - 1);
    session.tick();
    QVERIFY(session.loggedIn());
    QCOMPARE(session.idleRemainingMs(), 1);
    clock.advance(1);
    session.tick();
    QVERIFY(!session.loggedIn());
    QCOMPARE(loggedOut.count(), 1);
    QCOMPARE(loggedOut.at(0).at(0).toString(), QStringLiteral("olga"));
    QCOMPARE(loggedOut.at(0).at(1).toString(), QStringLiteral("idle"));
    QVERIFY(!session.allowed(Permission::ViewProcess));

    session.tick(); // once only
    QCOMPARE(loggedOut.count(), 1);
}

void TstSession::touchRestartsTheIdleTime()
{
    ManualClock clock;
    SecurityOptions options;
    options.idleLogoutMs = 2 * kMinute;
    Session session(options, &clock);
    session.logIn(QStringLiteral("olga"), Role::Operator);
    for (int i = 0; i < 5; ++i) {
        clock.advance(kMinute + 30'000);
        session.touch();
        session.tick();
        QVERIFY(session.loggedIn());
        QCOMPARE(session.idleRemainingMs(), 2 * kMinute);
    }
    // The wall clock jumping does not count as idle time.
    clock.setNowMs(clock.nowMs() + 24 * 60 * kMinute);
    session.tick();
    QVERIFY(session.loggedIn());
    clock.advance(2 * kMinute);
    session.tick();
    QVERIFY(!session.loggedIn());
}

void TstSession::idleLogoutZeroNeverLogsOut()
{
    ManualClock clock;
    SecurityOptions options;
    options.idleLogoutMs = 0;
    Session session(options, &clock);
    session.logIn(QStringLiteral("olga"), Role::Operator);
    clock.advance(48 * 60 * kMinute);
    session.tick();
    QVERIFY(session.loggedIn());
    QCOMPARE(session.idleRemainingMs(), -1);
}

void TstSession::autoViewerGetsTheViewersPermissions()
{
    ManualClock clock;
    SecurityOptions options;
    options.autoLoginViewer = true;
    Session session(options, &clock);
    QVERIFY(!session.loggedIn());
    QVERIFY(session.autoViewer());
    QCOMPARE(session.user(), QString());
    QCOMPARE(session.roleName(), QStringLiteral("viewer"));
    for (const QString &name : permissionNames()) {
        const Permission p = *parsePermission(name);
        QCOMPARE(session.allowed(p), PermissionMatrix::allowed(Role::Viewer, p));
    }
    QVERIFY(session.allowed(Permission::ViewProcess));
    QVERIFY(!session.allowed(Permission::AcknowledgeAlarm));

    // An engineer logs in and out again (idle): the panel falls back to the viewer.
    options.idleLogoutMs = kMinute;
    Session panel(options, &clock);
    panel.logIn(QStringLiteral("erik"), Role::Engineer);
    QVERIFY(panel.allowed(Permission::AlarmOutOfService));
    QVERIFY(!panel.autoViewer());
    clock.advance(kMinute);
    panel.tick();
    QVERIFY(panel.autoViewer());
    QVERIFY(panel.allowed(Permission::ViewProcess));
    QVERIFY(!panel.allowed(Permission::AlarmOutOfService));
}

void TstSession::loggingInAnotherUserLogsOutTheFirst()
{
    ManualClock clock;
    Session session(SecurityOptions(), &clock);
    QSignalSpy loggedOut(&session, &Session::loggedOut);
    session.logIn(QStringLiteral("olga"), Role::Operator);
    session.logIn(QStringLiteral("erik"), Role::Engineer);
    QCOMPARE(loggedOut.count(), 1);
    QCOMPARE(loggedOut.at(0).at(0).toString(), QStringLiteral("olga"));
    QCOMPARE(loggedOut.at(0).at(1).toString(), QStringLiteral("user"));
    QCOMPARE(session.user(), QStringLiteral("erik"));
    QCOMPARE(session.role(), Role::Engineer);
}

void TstSession::logOutWhenNobodyIsLoggedInDoesNothing()
{
    ManualClock clock;
    Session session(SecurityOptions(), &clock);
    QSignalSpy changed(&session, &Session::changed);
    QSignalSpy loggedOut(&session, &Session::loggedOut);
    session.logOut(QStringLiteral("user"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(loggedOut.count(), 0);
    session.logIn(QStringLiteral("olga"), Role::Operator);
    session.logOut(QStringLiteral("user"));
    QCOMPARE(loggedOut.count(), 1);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(session.user(), QString());
}

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
