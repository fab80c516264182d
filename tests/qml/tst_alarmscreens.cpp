// The alarm banner, the alarm summary and the shelved list as an operator uses them, offscreen,
// on a real AlarmEngine with a ManualClock: counts and newest alarm, flashing that stops with the
// acknowledge, acknowledge one with a comment, acknowledge all visible within a filter, shelve
// through the dialog, the detail panel's rationalisation, out of service and back, reset.

#include "alarmbannerstatus.h"
#include "alarmfiltermodel.h"
#include "alarmlistmodel.h"
#include "alarmoperations.h"
#include "alarmscreenplant.h"
#include "metatypes.h"
#include "qmltesting.h"
#include "security/session.h"
#include "securitytesting.h"
#include "util/manualclock.h"

#include <QDateTime>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
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

// The first item under root whose "text" property starts with text.
QQuickItem *findText(QQuickItem *root, const QString &text)
{
    if (!root)
        return nullptr;
    const QVariant t = root->property("text");
    if (t.isValid() && t.toString().startsWith(text) && root->isVisible())
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findText(child, text))
            return found;
    }
    return nullptr;
}

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

// The text of a banner count box (its Text child).
QString countText(QQuickItem *count)
{
    if (!count)
        return QStringLiteral("<no item>");
    for (QQuickItem *child : count->childItems()) {
        if (child->property("text").isValid())
            return child->property("text").toString();
    }
    return QString();
}

} // namespace

class TstAlarmScreens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bannerShowsCountsAndTheNewestAlarm();
    void bannerFlashingStopsAfterAcknowledge();
    void acknowledgeOneWithAComment();
    void acknowledgeAllVisibleRespectsTheFilter();
    void priorityFilterButtons();
    void shelveThroughTheDialog();
    void detailPanelShowsWhatToDo();
    void outOfServiceAndBack();
    void resetALatchedAlarm();

private:
    QQuickItem *item(const QString &name) const { return findItem(m_window, name); }
    void click(QQuickItem *target);
    void typeText(const QString &text);
    void select(const QString &key);
    quint32 id(const char *key) const { return alarmId(*m_engine, QString::fromLatin1(key)); }
    void send(quint32 tag, double value) { testing::send(*m_engine, tag, value); }

    QQmlEngine m_qml;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AlarmEngine> m_engine;
    std::unique_ptr<AlarmListModel> m_list;
    std::unique_ptr<AlarmListModel> m_shelved;
    std::unique_ptr<AlarmFilterModel> m_summary;
    std::unique_ptr<AlarmBannerStatus> m_banner;
    std::unique_ptr<SecurityFixture> m_security;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AlarmOperations> m_operations;
    QQuickWindow *m_window = nullptr;
};

void TstAlarmScreens::initTestCase()
{
    registerCoreMetaTypes();
    QLocale::setDefault(QLocale::c());
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    m_qml.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

void TstAlarmScreens::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
    m_engine = std::make_unique<AlarmEngine>(alarmScreenPlant(), *m_clock);
    send(kLevel, 50);
    send(kTemp, 20);
    send(kPump, 1);
    send(kEstop, 0);
    m_list =
        std::make_unique<AlarmListModel>(AlarmListModel::Selection::Listed, alarmScreenPlant());
    m_shelved = std::make_unique<AlarmListModel>(AlarmListModel::Selection::ShelvedOrOutOfService,
                                                 alarmScreenPlant());
    m_list->reset(m_engine->listed());
    m_shelved->reset(m_engine->shelvedOrOutOfService());
    connect(m_engine.get(), &AlarmEngine::alarmsChanged, m_list.get(),
            &AlarmListModel::applySnapshots);
    connect(m_engine.get(), &AlarmEngine::alarmsChanged, m_shelved.get(),
            &AlarmListModel::applySnapshots);
    m_summary = std::make_unique<AlarmFilterModel>(m_list.get());
    m_banner = std::make_unique<AlarmBannerStatus>(m_list.get());
    QString error;
    m_security = std::make_unique<SecurityFixture>();
    QVERIFY2(m_security->start(SecurityOptions(), &error), qPrintable(error));
    // An engineer may do everything these screens offer, out of service included.
    m_session = std::make_unique<Session>(SecurityOptions(), m_clock.get());
    m_session->logIn(QStringLiteral("erin"), Role::Engineer);
    m_operations = std::make_unique<AlarmOperations>(m_engine.get(), 8 * 3'600'000, m_session.get(),
                                                     m_security->service.get());
    m_window =
        createWindow(m_qml, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property AlarmFilterModel alarms
            required property AlarmListModel shelvedAlarms
            required property AlarmBannerStatus banner
            required property AlarmOperations operations
            property bool showShelved: false
            property int bannerTaps: 0
            property string trendTag: ""
            width: 1168; height: 800; visible: true
            color: Theme.background
            AlarmBanner {
                objectName: "banner"
                x: 8; y: 8; width: 560
                status: w.banner
                onOpened: w.bannerTaps++
            }
            AlarmsPage {
                objectName: "summaryPage"
                y: 64; width: parent.width; height: parent.height - 64
                visible: !w.showShelved
                alarms: w.alarms
                operations: w.operations
                onTrendRequested: (tagId) => w.trendTag = tagId
            }
            ShelvedPage {
                objectName: "shelvedPage"
                y: 64; width: parent.width; height: parent.height - 64
                visible: w.showShelved
                alarms: w.shelvedAlarms
                operations: w.operations
            }
        })"),
                     {{QStringLiteral("alarms"), QVariant::fromValue(m_summary.get())},
                      {QStringLiteral("shelvedAlarms"), QVariant::fromValue(m_shelved.get())},
                      {QStringLiteral("banner"), QVariant::fromValue(m_banner.get())},
                      {QStringLiteral("operations"), QVariant::fromValue(m_operations.get())}},
                     &error, QStringLiteral("qrc:/alarmscreens.qml"));
    QVERIFY2(m_window, qPrintable(error));
}

void TstAlarmScreens::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_operations.reset();
    m_session.reset();
    m_security.reset();
    m_banner.reset();
    m_summary.reset();
    m_shelved.reset();
    m_list.reset();
    m_engine.reset();
}

void TstAlarmScreens::click(QQuickItem *target)
{
    QVERIFY(target);
    QVERIFY2(target->isVisible(), qPrintable(target->objectName()));
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
}

// QTest::keyClicks() takes only widgets on Qt 6.4.
void TstAlarmScreens::typeText(const QString &text)
{
    for (QChar c : text)
        QTest::keyClick(m_window, c.toLatin1());
}

void TstAlarmScreens::select(const QString &key)
{
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = item(QStringLiteral("alarmRow_") + key)) != nullptr);
    click(row);
    QTRY_COMPARE(findItem(m_window->contentItem(), QStringLiteral("summaryPage"))
                     ->property("selectedId")
                     .toInt(),
                 int(alarmId(*m_engine, key)));
}

void TstAlarmScreens::bannerShowsCountsAndTheNewestAlarm()
{
    QCOMPARE(countText(item(QStringLiteral("bannerCritical"))), QStringLiteral("■ CRIT 0"));
    QCOMPARE(textOf(item(QStringLiteral("bannerNewestSource"))),
             QStringLiteral("No unacknowledged alarms"));
    QVERIFY(!item(QStringLiteral("bannerNewestPriority"))->isVisible());

    send(kTemp, 5);
    m_clock->advance(1000);
    send(kLevel, 97);
    QTRY_COMPARE(countText(item(QStringLiteral("bannerCritical"))), QStringLiteral("■ CRIT 1"));
    QCOMPARE(countText(item(QStringLiteral("bannerHigh"))), QStringLiteral("▲ HIGH 1"));
    QCOMPARE(countText(item(QStringLiteral("bannerMedium"))), QStringLiteral("◆ MED 1"));
    QCOMPARE(countText(item(QStringLiteral("bannerLow"))), QStringLiteral("● LOW 0"));
    // The newest of the highest priority, with its priority in shape and words.
    QCOMPARE(textOf(item(QStringLiteral("bannerNewest"))), QStringLiteral("Tank overfill"));
    QCOMPARE(textOf(item(QStringLiteral("bannerNewestSource"))),
             QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toString(u"HH:mm:ss") +
                 QStringLiteral("  LT101"));
    QQuickItem *badge = item(QStringLiteral("bannerNewestPriority"));
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->property("text").toString(), QStringLiteral("Critical"));
    QCOMPARE(badge->property("glyph").toString(), QStringLiteral("■"));

    // Tapping the banner asks for the alarm list.
    click(item(QStringLiteral("banner")));
    QTRY_COMPARE(m_window->property("bannerTaps").toInt(), 1);
}

void TstAlarmScreens::bannerFlashingStopsAfterAcknowledge()
{
    QQuickItem *banner = item(QStringLiteral("banner"));
    QVERIFY(!banner->property("flashing").toBool());
    send(kLevel, 85);
    QTRY_VERIFY(banner->property("flashing").toBool());
    // It really flashes: the phase turns.
    QTRY_VERIFY(!banner->property("phase").toBool());
    QTRY_VERIFY(banner->property("phase").toBool());
    QQuickItem *high = item(QStringLiteral("bannerHigh"));
    QTRY_COMPARE(high->property("lit").toBool(), false);
    QTRY_COMPARE(high->property("lit").toBool(), true);

    click(item(QStringLiteral("ackVisible")));
    QTRY_VERIFY(!banner->property("flashing").toBool());
    QVERIFY(banner->property("phase").toBool()); // left in the steady phase
    QCOMPARE(countText(high), QStringLiteral("▲ HIGH 0"));
    QVERIFY(m_engine->flags(id("LT101/hi")).acknowledged);
    // Still active: still in the summary, acknowledged.
    QCOMPARE(m_summary->count(), 1);
    QTRY_COMPARE(m_operations->statusText(), QStringLiteral("1 alarm(s) acknowledged"));
}

void TstAlarmScreens::acknowledgeOneWithAComment()
{
    send(kLevel, 85);
    send(kTemp, 5);
    QTRY_COMPARE(m_summary->count(), 2);
    QVERIFY(!item(QStringLiteral("ackSelected"))->isEnabled());
    select(QStringLiteral("TT201/lo"));
    QTRY_VERIFY(item(QStringLiteral("ackSelected"))->isEnabled());

    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QQuickItem *comment = item(QStringLiteral("ackComment"));
    comment->forceActiveFocus();
    typeText(QStringLiteral("cold weather, heater on"));
    QTRY_COMPARE(textOf(comment), QStringLiteral("cold weather, heater on"));
    click(item(QStringLiteral("ackSelected")));

    QTRY_VERIFY(m_engine->flags(id("TT201/lo")).acknowledged);
    const AlarmSnapshot temp = m_engine->snapshot(id("TT201/lo"));
    QCOMPARE(temp.ackUser, QStringLiteral("erin"));
    QCOMPARE(temp.ackComment, QStringLiteral("cold weather, heater on"));
    QVERIFY(!m_engine->flags(id("LT101/hi")).acknowledged); // only the selected one
    QTRY_COMPARE(textOf(comment), QString());               // cleared for the next one
    // The detail panel says who acknowledged it and why.
    QQuickItem *acked = item(QStringLiteral("detailAcknowledged"));
    QTRY_VERIFY(acked && acked->isVisible());
    QVERIFY(findText(acked, QStringLiteral("by erin at ")));
    QVERIFY(
        findText(item(QStringLiteral("alarmDetail")), QStringLiteral("cold weather, heater on")));
    QTRY_VERIFY(!item(QStringLiteral("ackSelected"))->isEnabled());
}

void TstAlarmScreens::acknowledgeAllVisibleRespectsTheFilter()
{
    send(kLevel, 97);
    send(kTemp, 5);
    send(kPump, 0);
    QTRY_COMPARE(m_summary->count(), 4);
    QTRY_COMPARE(textOf(item(QStringLiteral("ackVisible"))),
                 QStringLiteral("Acknowledge all visible (4)"));

    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    item(QStringLiteral("alarmFilter"))->forceActiveFocus();
    typeText(QStringLiteral("lt101"));
    QTRY_COMPARE(m_summary->count(), 2);
    QTRY_COMPARE(textOf(item(QStringLiteral("alarmCount"))), QStringLiteral("2 of 4 alarms"));
    QTRY_COMPARE(textOf(item(QStringLiteral("ackVisible"))),
                 QStringLiteral("Acknowledge all visible (2)"));
    click(item(QStringLiteral("ackVisible")));

    QTRY_VERIFY(m_engine->flags(id("LT101/hi")).acknowledged);
    QVERIFY(m_engine->flags(id("LT101/hihi")).acknowledged);
    QVERIFY(!m_engine->flags(id("TT201/lo")).acknowledged);
    QVERIFY(!m_engine->flags(id("P101/digital")).acknowledged);
    QTRY_COMPARE(m_banner->total(), 2);
    QTRY_COMPARE(textOf(item(QStringLiteral("ackVisible"))),
                 QStringLiteral("Acknowledge all visible (0)"));
    QVERIFY(!item(QStringLiteral("ackVisible"))->isEnabled());
}

void TstAlarmScreens::priorityFilterButtons()
{
    send(kLevel, 97);
    send(kPump, 0);
    QTRY_COMPARE(m_summary->count(), 3);
    click(item(QStringLiteral("priorityFilter_4")));
    QTRY_COMPARE(m_summary->count(), 2);
    QVERIFY(!item(QStringLiteral("priorityFilter_4"))->property("shown").toBool());
    QTRY_VERIFY(!item(QStringLiteral("alarmRow_LT101/hihi")));
    click(item(QStringLiteral("priorityFilter_1")));
    QTRY_COMPARE(m_summary->count(), 1);
    click(item(QStringLiteral("priorityFilter_4")));
    QTRY_COMPARE(m_summary->count(), 2);
    // Sorting by time from the header: oldest first on the second tap.
    QCOMPARE(m_summary->sortKey(), QStringLiteral("time"));
    QVERIFY(!m_summary->ascending());
    click(item(QStringLiteral("sortTime")));
    QTRY_VERIFY(m_summary->ascending());
}

void TstAlarmScreens::shelveThroughTheDialog()
{
    send(kTemp, 5);
    select(QStringLiteral("TT201/lo"));
    click(item(QStringLiteral("shelveAlarm")));
    QQuickItem *reason = nullptr;
    QTRY_VERIFY((reason = item(QStringLiteral("shelveReason"))) != nullptr);
    QTRY_VERIFY(reason->isVisible());
    QQuickItem *confirm = item(QStringLiteral("shelveConfirm"));
    QVERIFY(!confirm->isEnabled()); // a reason is required
    // One-shot, 10 min, 1 h, 8 h (the engine's maximum).
    QVERIFY(item(QStringLiteral("shelveDuration_3")));
    QVERIFY(!item(QStringLiteral("shelveDuration_4")));
    QCOMPARE(textOf(item(QStringLiteral("shelveDuration_3"))), QStringLiteral("8 h"));
    click(item(QStringLiteral("shelveDuration_1")));
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    reason->forceActiveFocus();
    typeText(QStringLiteral("sensor drift, WO 42"));
    QTRY_VERIFY(confirm->isEnabled());
    const qint64 now = m_clock->nowMs();
    click(confirm);

    QTRY_VERIFY(m_engine->flags(id("TT201/lo")).shelved);
    const AlarmSnapshot s = m_engine->snapshot(id("TT201/lo"));
    QCOMPARE(s.shelveUser, QStringLiteral("erin"));
    QCOMPARE(s.shelveReason, QStringLiteral("sensor drift, WO 42"));
    QCOMPARE(s.shelveExpiryMs, now + 600'000);
    QTRY_VERIFY(!reason->isVisible());
    QTRY_COMPARE(m_banner->total(), 0); // shelved: not annunciated

    // The shelved list shows who, why and until when; unshelve from there.
    m_window->setProperty("showShelved", true);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = item(QStringLiteral("shelvedRow_TT201"))) != nullptr);
    QTRY_VERIFY(findText(row, QStringLiteral("sensor drift, WO 42")));
    QVERIFY(findText(row, QStringLiteral("erin")));
    QVERIFY(findText(row, QStringLiteral("Shelved until ") +
                              QDateTime::fromMSecsSinceEpoch(now + 600'000).toString(u"HH:mm")));
    click(item(QStringLiteral("unshelve_TT201")));
    QTRY_VERIFY(!m_engine->flags(id("TT201/lo")).shelved);
    QTRY_COMPARE(m_shelved->rowCount(), 0);
    QTRY_COMPARE(m_banner->total(), 1);
}

void TstAlarmScreens::detailPanelShowsWhatToDo()
{
    send(kLevel, 85.4);
    QTRY_VERIFY(findText(item(QStringLiteral("alarmDetail")),
                         QStringLiteral("Select an alarm to see its details")));
    select(QStringLiteral("LT101/hi"));
    QQuickItem *detail = item(QStringLiteral("alarmDetail"));
    QTRY_COMPARE(textOf(item(QStringLiteral("detailMessage"))), QStringLiteral("Tank level high"));
    QCOMPARE(textOf(item(QStringLiteral("detailState"))), QStringLiteral("Unack active"));
    QVERIFY(findText(item(QStringLiteral("detailValue")), QStringLiteral("85.4 %")));
    QVERIFY(findText(detail, QStringLiteral("> 80.0 %")));
    QVERIFY(findText(item(QStringLiteral("detailAction")),
                     QStringLiteral("Open XV-102 or stop P-100")));
    QVERIFY(findText(item(QStringLiteral("detailCause")),
                     QStringLiteral("Outlet valve closed or inflow too high")));
    QVERIFY(findText(item(QStringLiteral("detailConsequence")),
                     QStringLiteral("Overfill in about 10 minutes")));
    QVERIFY(findText(item(QStringLiteral("detailResponse")), QStringLiteral("5 min")));
    // A rule without rationalisation says so instead of leaving a blank.
    send(kTemp, 5);
    select(QStringLiteral("TT201/lo"));
    QTRY_COMPARE(textOf(item(QStringLiteral("detailMessage"))), QStringLiteral("TT201 Lo alarm"));
    QVERIFY(findText(item(QStringLiteral("detailAction")), QStringLiteral("Not stated")));

    click(item(QStringLiteral("showTrend")));
    QTRY_COMPARE(m_window->property("trendTag").toString(), QStringLiteral("TT201"));
}

void TstAlarmScreens::outOfServiceAndBack()
{
    send(kPump, 0);
    select(QStringLiteral("P101/digital"));
    click(item(QStringLiteral("serviceAlarm")));
    QQuickItem *reason = nullptr;
    QTRY_VERIFY((reason = item(QStringLiteral("shelveReason"))) != nullptr && reason->isVisible());
    QVERIFY(!item(QStringLiteral("shelveDuration_0"))->isVisible()); // no duration for this
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    reason->forceActiveFocus();
    typeText(QStringLiteral("pump removed"));
    click(item(QStringLiteral("shelveConfirm")));
    QTRY_VERIFY(m_engine->flags(id("P101/digital")).outOfService);
    QCOMPARE(m_engine->snapshot(id("P101/digital")).outOfServiceUser, QStringLiteral("erin"));
    QTRY_COMPARE(textOf(item(QStringLiteral("serviceAlarm"))), QStringLiteral("Return to service"));

    m_window->setProperty("showShelved", true);
    QTRY_VERIFY(item(QStringLiteral("returnToService_P101")));
    QTRY_VERIFY(item(QStringLiteral("returnToService_P101"))->isVisible());
    click(item(QStringLiteral("returnToService_P101")));
    QTRY_VERIFY(!m_engine->flags(id("P101/digital")).outOfService);
    QTRY_COMPARE(m_operations->statusText(), QStringLiteral("Alarm returned to service"));
}

void TstAlarmScreens::resetALatchedAlarm()
{
    send(kEstop, 1);
    send(kEstop, 0);
    select(QStringLiteral("ESD1/digital"));
    QTRY_VERIFY(item(QStringLiteral("resetAlarm"))->isEnabled());
    click(item(QStringLiteral("resetAlarm")));
    QTRY_VERIFY(!m_engine->flags(id("ESD1/digital")).active);
    QTRY_COMPARE(m_operations->statusText(), QStringLiteral("Alarm reset"));
}

QTEST_MAIN(TstAlarmScreens)
#include "tst_alarmscreens.moc"
