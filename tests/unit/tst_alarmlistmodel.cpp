// The alarm screens' read side against a real AlarmEngine and a ManualClock: the alarm list
// (summary and shelved selections) following the engine's snapshots, its sort/filter proxy, and
// the banner's counts, newest alarm and flashing.

#include "alarmbannerstatus.h"
#include "alarmfiltermodel.h"
#include "alarmlistmodel.h"
#include "alarmscreenplant.h"
#include "installedtranslation.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

class TstAlarmListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rowsFollowTheEngine();
    void returnToNormalStaysUntilAcknowledged();
    void seedsFromTheEngineBeforeItRuns();
    void valueLimitAndDetailTexts();
    void engineConditionsHaveMessages();
    void shelvedSelection();
    void sortsByTimePriorityAndTag();
    void filtersByPriorityAndText();
    void bannerCountsByPriority();
    void bannerFlashesOnlyWhileUnacknowledged();
    void bannerIgnoresShelvedAndOutOfService();
    void chineseTexts();

private:
    QVariant role(int row, int role) const { return m_list->data(m_list->index(row), role); }
    QString text(int row, int r) const { return role(row, r).toString(); }
    quint32 id(const char *key) const { return alarmId(*m_engine, QString::fromLatin1(key)); }
    void send(quint32 tag, double value) { testing::send(*m_engine, tag, value); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AlarmEngine> m_engine;
    std::unique_ptr<AlarmListModel> m_list;
    std::unique_ptr<AlarmListModel> m_shelved;
};

void TstAlarmListModel::initTestCase()
{
    registerCoreMetaTypes();
    QLocale::setDefault(QLocale::c());
}

void TstAlarmListModel::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
    m_engine = std::make_unique<AlarmEngine>(alarmScreenPlant(), *m_clock);
    m_list =
        std::make_unique<AlarmListModel>(AlarmListModel::Selection::Listed, alarmScreenPlant());
    m_shelved = std::make_unique<AlarmListModel>(AlarmListModel::Selection::ShelvedOrOutOfService,
                                                 alarmScreenPlant());
    connect(m_engine.get(), &AlarmEngine::alarmsChanged, m_list.get(),
            &AlarmListModel::applySnapshots);
    connect(m_engine.get(), &AlarmEngine::alarmsChanged, m_shelved.get(),
            &AlarmListModel::applySnapshots);
    // Normal values first: nothing listed.
    send(kLevel, 50);
    send(kTemp, 20);
    send(kPump, 1);
    send(kEstop, 0);
}

void TstAlarmListModel::cleanup()
{
    m_shelved.reset();
    m_list.reset();
    m_engine.reset();
}

void TstAlarmListModel::rowsFollowTheEngine()
{
    QCOMPARE(m_list->rowCount(), 0);
    QSignalSpy changed(m_list.get(), &AlarmListModel::alarmsChanged);
    send(kLevel, 85);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_list->rowCount(), 1);
    QCOMPARE(role(0, AlarmListModel::AlarmIdRole).toInt(), int(id("LT101/hi")));
    QCOMPARE(text(0, AlarmListModel::TagIdRole), QStringLiteral("LT101"));
    QCOMPARE(text(0, AlarmListModel::MessageRole), QStringLiteral("Tank level high"));
    QCOMPARE(role(0, AlarmListModel::PriorityRole).toInt(), int(AlarmPriority::High));
    QCOMPARE(text(0, AlarmListModel::PriorityTextRole), QStringLiteral("High"));
    QCOMPARE(text(0, AlarmListModel::ShapeRole), QStringLiteral("triangle"));
    QCOMPARE(text(0, AlarmListModel::StateTextRole), QStringLiteral("Unack active"));
    QCOMPARE(role(0, AlarmListModel::ActionableRole).toBool(), true);
    QCOMPARE(role(0, AlarmListModel::TimeRole).toDouble(), double(m_clock->nowMs()));
    QCOMPARE(text(0, AlarmListModel::TimeTextRole),
             QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toString(u"HH:mm:ss"));

    // HiHi joins as a second row; the Hi row is updated in place.
    m_clock->advance(1000);
    send(kLevel, 97);
    QCOMPARE(m_list->rowCount(), 2);
    QCOMPARE(text(1, AlarmListModel::ShapeRole), QStringLiteral("square"));
    QCOMPARE(text(1, AlarmListModel::PriorityTextRole), QStringLiteral("Critical"));
    QCOMPARE(text(0, AlarmListModel::ValueTextRole), QStringLiteral("85.0 %")); // at its raise

    m_engine->acknowledge({id("LT101/hi")}, QStringLiteral("op1"), QStringLiteral("seen"));
    QCOMPARE(text(0, AlarmListModel::StateTextRole), QStringLiteral("Ack active"));
    QCOMPARE(text(0, AlarmListModel::AckUserRole), QStringLiteral("op1"));
    QCOMPARE(text(0, AlarmListModel::AckCommentRole), QStringLiteral("seen"));
    QVERIFY(!text(0, AlarmListModel::AckTimeTextRole).isEmpty());
    const QVariantMap hi = m_list->alarm(int(id("LT101/hi")));
    QCOMPARE(hi.value(QStringLiteral("stateText")).toString(), QStringLiteral("Ack active"));
    QCOMPARE(hi.value(QStringLiteral("cause")).toString(),
             QStringLiteral("Outlet valve closed or inflow too high"));
    QVERIFY(m_list->alarm(int(id("TT201/lo"))).isEmpty());
    QVERIFY(m_list->alarm(-1).isEmpty());
}

void TstAlarmListModel::returnToNormalStaysUntilAcknowledged()
{
    send(kLevel, 85);
    m_clock->advance(2000);
    send(kLevel, 50);
    QCOMPARE(m_list->rowCount(), 1);
    QCOMPARE(text(0, AlarmListModel::StateTextRole), QStringLiteral("Unack RTN"));
    QCOMPARE(role(0, AlarmListModel::ActiveRole).toBool(), false);
    QCOMPARE(text(0, AlarmListModel::ClearedTimeTextRole),
             QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toString(u"HH:mm:ss"));
    QSignalSpy removed(m_list.get(), &QAbstractItemModel::rowsRemoved);
    m_engine->acknowledge({id("LT101/hi")}, QStringLiteral("op1"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_list->rowCount(), 0);
    QCOMPARE(m_list->rowOf(id("LT101/hi")), -1);

    // Rows after a removed one keep answering for their own alarm.
    send(kLevel, 97);
    send(kTemp, 5);
    QCOMPARE(m_list->rowCount(), 3);
    m_engine->acknowledge({id("LT101/hi")}, QStringLiteral("op1"));
    send(kLevel, 50); // hi and hihi clear; hi was acknowledged: it leaves
    QCOMPARE(m_list->rowCount(), 2);
    for (int row = 0; row < m_list->rowCount(); ++row)
        QCOMPARE(m_list->rowOf(quint32(role(row, AlarmListModel::AlarmIdRole).toInt())), row);
}

void TstAlarmListModel::seedsFromTheEngineBeforeItRuns()
{
    send(kLevel, 97);
    m_engine->shelve(id("LT101/hihi"), QStringLiteral("op1"), QStringLiteral("test"), 0);
    AlarmListModel list(AlarmListModel::Selection::Listed, alarmScreenPlant());
    AlarmListModel shelved(AlarmListModel::Selection::ShelvedOrOutOfService, alarmScreenPlant());
    list.reset(m_engine->listed());
    shelved.reset(m_engine->shelvedOrOutOfService());
    QCOMPARE(list.rowCount(), 2);
    QCOMPARE(shelved.rowCount(), 1);
    QCOMPARE(shelved.data(shelved.index(0), AlarmListModel::KeyRole).toString(),
             QStringLiteral("LT101/hihi"));
    QCOMPARE(list.revision(), 1);
}

void TstAlarmListModel::valueLimitAndDetailTexts()
{
    send(kLevel, 85.25);
    QCOMPARE(text(0, AlarmListModel::ValueTextRole), QStringLiteral("85.3 %"));
    QCOMPARE(text(0, AlarmListModel::LimitTextRole), QStringLiteral("> 80.0 %"));
    QCOMPARE(text(0, AlarmListModel::KindRole), QStringLiteral("Hi"));
    QCOMPARE(text(0, AlarmListModel::ConsequenceRole),
             QStringLiteral("Overfill in about 10 minutes"));
    QCOMPARE(text(0, AlarmListModel::ActionRole), QStringLiteral("Open XV-102 or stop P-100"));
    QCOMPARE(text(0, AlarmListModel::ResponseTimeTextRole), QStringLiteral("5 min"));
    QCOMPARE(role(0, AlarmListModel::HasTrendRole).toBool(), true);

    send(kTemp, 4.5); // a rule without a message: named by tag and kind
    QCOMPARE(text(1, AlarmListModel::MessageRole), QStringLiteral("TT201 Lo alarm"));
    QCOMPARE(text(1, AlarmListModel::LimitTextRole), QStringLiteral("< 10.0 °C"));
    QCOMPARE(text(1, AlarmListModel::ResponseTimeTextRole), QString());
    QCOMPARE(text(1, AlarmListModel::CauseRole), QString());

    send(kPump, 0);
    QCOMPARE(text(2, AlarmListModel::ValueTextRole), QStringLiteral("OFF"));
    QCOMPARE(text(2, AlarmListModel::LimitTextRole), QString());

    // Latched: active after the return to normal until reset.
    send(kEstop, 1);
    send(kEstop, 0);
    QCOMPARE(text(3, AlarmListModel::MessageRole), QStringLiteral("Emergency stop pressed"));
    QCOMPARE(role(3, AlarmListModel::LatchedRole).toBool(), true);
    QCOMPARE(text(3, AlarmListModel::ConditionsTextRole), QStringLiteral("Latched: reset needed"));
}

void TstAlarmListModel::engineConditionsHaveMessages()
{
    m_engine->setDeviceConnected(QStringLiteral("plc"), false, QStringLiteral("timeout"));
    QCOMPARE(m_list->rowCount(), 1);
    QCOMPARE(text(0, AlarmListModel::MessageRole), QStringLiteral("Communication lost with plc"));
    QCOMPARE(text(0, AlarmListModel::KindRole), QStringLiteral("Communication loss"));
    QCOMPARE(text(0, AlarmListModel::DetailRole), QStringLiteral("timeout"));
    QCOMPARE(text(0, AlarmListModel::TagIdRole), QString());
    QCOMPARE(text(0, AlarmListModel::DeviceRole), QStringLiteral("plc"));
    QCOMPARE(text(0, AlarmListModel::ValueTextRole), QString());
    QCOMPARE(role(0, AlarmListModel::HasTrendRole).toBool(), false);
}

void TstAlarmListModel::shelvedSelection()
{
    send(kLevel, 85);
    const quint32 hi = id("LT101/hi");
    m_engine->shelve(hi, QStringLiteral("op1"), QStringLiteral("sensor fault"), 600'000);
    QCOMPARE(m_shelved->rowCount(), 1);
    const QModelIndex row = m_shelved->index(0);
    QCOMPARE(row.data(AlarmListModel::ShelveUserRole).toString(), QStringLiteral("op1"));
    QCOMPARE(row.data(AlarmListModel::ShelveReasonRole).toString(), QStringLiteral("sensor fault"));
    QCOMPARE(row.data(AlarmListModel::ShelveUntilTextRole).toString(),
             QStringLiteral("until ") +
                 QDateTime::fromMSecsSinceEpoch(m_clock->nowMs() + 600'000).toString(u"HH:mm:ss"));
    QCOMPARE(row.data(AlarmListModel::ConditionsTextRole).toString(), QStringLiteral("Shelved"));
    // Still in the summary (active, unacknowledged), but not actionable.
    QCOMPARE(m_list->rowCount(), 1);
    QCOMPARE(role(0, AlarmListModel::ActionableRole).toBool(), false);

    m_engine->setOutOfService(id("TT201/lo"), true, QStringLiteral("op2"), QStringLiteral("wo 7"));
    QCOMPARE(m_shelved->rowCount(), 2);
    QCOMPARE(m_shelved->data(m_shelved->index(1), AlarmListModel::OutOfServiceUserRole).toString(),
             QStringLiteral("op2"));
    QCOMPARE(m_list->rowCount(), 1); // out of service but normal: not in the summary

    // The timed shelve expires on monotonic time: the row leaves.
    m_clock->advance(600'000);
    m_engine->tick();
    QCOMPARE(m_shelved->rowCount(), 1);
    m_engine->setOutOfService(id("TT201/lo"), false, QStringLiteral("op2"));
    QCOMPARE(m_shelved->rowCount(), 0);

    m_engine->shelve(hi, QStringLiteral("op1"), QStringLiteral("again"), 0);
    QCOMPARE(m_shelved->data(m_shelved->index(0), AlarmListModel::ShelveUntilTextRole).toString(),
             QStringLiteral("until it returns to normal"));
    QCOMPARE(m_shelved->data(m_shelved->index(0), AlarmListModel::ConditionsTextRole).toString(),
             QStringLiteral("Shelved (one-shot)"));
}

void TstAlarmListModel::sortsByTimePriorityAndTag()
{
    AlarmFilterModel view(m_list.get());
    send(kPump, 0); // low, oldest
    m_clock->advance(1000);
    send(kLevel, 97); // high and critical
    m_clock->advance(1000);
    send(kTemp, 5); // medium, newest
    auto order = [&view] {
        QStringList keys;
        for (int row = 0; row < view.rowCount(); ++row)
            keys.append(view.index(row, 0).data(AlarmListModel::KeyRole).toString());
        return keys.join(u' ');
    };
    // Newest first; within a time the most urgent first.
    QCOMPARE(view.sortKey(), QStringLiteral("time"));
    QCOMPARE(order(), QStringLiteral("TT201/lo LT101/hihi LT101/hi P101/digital"));
    view.sortBy(QStringLiteral("time"));
    QCOMPARE(order(), QStringLiteral("P101/digital LT101/hi LT101/hihi TT201/lo"));
    view.sortBy(QStringLiteral("priority"));
    QVERIFY(!view.ascending());
    QCOMPARE(order(), QStringLiteral("LT101/hihi LT101/hi TT201/lo P101/digital"));
    view.sortBy(QStringLiteral("tagId"));
    QVERIFY(view.ascending());
    // Alarms of one tag follow time, then priority, in the same direction.
    QCOMPARE(order(), QStringLiteral("LT101/hi LT101/hihi P101/digital TT201/lo"));
    view.sortBy(QStringLiteral("state"));
    m_engine->acknowledge({id("LT101/hihi")}, QStringLiteral("op"));
    QCOMPARE(order().section(u' ', 3), QStringLiteral("LT101/hihi")); // acknowledged last
    view.sortBy(QStringLiteral("nonsense"));
    QCOMPARE(view.sortKey(), QStringLiteral("state"));
    // A new alarm lands in its place.
    view.sortBy(QStringLiteral("priority"));
    send(kEstop, 1);
    QCOMPARE(order().section(u' ', 0, 0), QStringLiteral("ESD1/digital"));
}

void TstAlarmListModel::filtersByPriorityAndText()
{
    AlarmFilterModel view(m_list.get());
    send(kLevel, 97);
    send(kTemp, 5);
    send(kPump, 0);
    QCOMPARE(view.count(), 4);
    QCOMPARE(view.totalCount(), 4);
    QCOMPARE(view.unacknowledgedCount(), 4);
    QSignalSpy changed(&view, &AlarmFilterModel::viewChanged);

    view.setFilterText(QStringLiteral("lt101"));
    QCOMPARE(view.count(), 2);
    QVERIFY(changed.count() >= 1);
    view.setFilterText(QStringLiteral("tank  HIGH")); // every word, any field, any case
    QCOMPARE(view.count(), 1);
    QCOMPARE(view.visibleIds(), QList<int>{int(id("LT101/hi"))});
    view.setFilterText(QStringLiteral("unack"));
    QCOMPARE(view.count(), 4);
    view.setFilterText(QString());

    view.togglePriority(int(AlarmPriority::Critical));
    view.togglePriority(int(AlarmPriority::Low));
    QCOMPARE(view.priorities(), (1 << 2) | (1 << 3));
    QCOMPARE(view.count(), 2);
    QList<int> ids = view.visibleIds();
    std::sort(ids.begin(), ids.end());
    QList<int> expected{int(id("LT101/hi")), int(id("TT201/lo"))};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(ids, expected);
    view.togglePriority(9); // not a priority: nothing changes
    QCOMPARE(view.count(), 2);

    // Unacknowledged counts what is visible and actionable.
    m_engine->shelve(id("TT201/lo"), QStringLiteral("op"), QStringLiteral("known"), 0);
    QCOMPARE(view.unacknowledgedCount(), 1);
    view.setPriorities(AlarmFilterModel::kAllPriorities);
    QCOMPARE(view.count(), 4);
    QCOMPARE(view.unacknowledgedCount(), 3);
    QCOMPARE(view.alarm(int(id("P101/digital"))).value(QStringLiteral("message")).toString(),
             QStringLiteral("Pump stopped"));
}

void TstAlarmListModel::bannerCountsByPriority()
{
    AlarmBannerStatus banner(m_list.get());
    QCOMPARE(banner.total(), 0);
    QCOMPARE(banner.newestText(), QStringLiteral("No unacknowledged alarms"));
    QCOMPARE(banner.newestPriority(), 0);
    send(kPump, 0);
    m_clock->advance(1000);
    send(kTemp, 5);
    QCOMPARE(banner.low(), 1);
    QCOMPARE(banner.medium(), 1);
    // The highest priority wins over the newest one.
    QCOMPARE(banner.newestAlarmId(), int(id("TT201/lo")));
    m_clock->advance(1000);
    send(kLevel, 85);
    m_clock->advance(1000);
    send(kEstop, 1);
    m_clock->advance(1000);
    send(kLevel, 97);
    QCOMPARE(banner.critical(), 2);
    QCOMPARE(banner.high(), 1);
    QCOMPARE(banner.total(), 5);
    QCOMPARE(banner.newestAlarmId(), int(id("LT101/hihi"))); // newest of the two critical ones
    QCOMPARE(banner.newestPriority(), int(AlarmPriority::Critical));
    QCOMPARE(banner.newestShape(), QStringLiteral("square"));
    QCOMPARE(banner.newestPriorityText(), QStringLiteral("Critical"));
    QCOMPARE(banner.newestText(),
             QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toString(u"HH:mm:ss") +
                 QStringLiteral("  LT101  Tank overfill"));
    m_engine->acknowledge({id("LT101/hihi")}, QStringLiteral("op"));
    QCOMPARE(banner.critical(), 1);
    QCOMPARE(banner.newestAlarmId(), int(id("ESD1/digital")));
}

void TstAlarmListModel::bannerFlashesOnlyWhileUnacknowledged()
{
    AlarmBannerStatus banner(m_list.get());
    QSignalSpy changed(&banner, &AlarmBannerStatus::changed);
    QVERIFY(!banner.flashing());
    send(kLevel, 85);
    QVERIFY(banner.flashing());
    QCOMPARE(changed.count(), 1);
    send(kLevel, 86); // no transition, no batch: nothing to recount
    send(kTemp, 25);
    QCOMPARE(changed.count(), 1);
    m_engine->acknowledgeAllActionable(QStringLiteral("op"));
    QVERIFY(!banner.flashing());
    QCOMPARE(banner.total(), 0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_list->rowCount(), 1); // acknowledged but active: still listed, not flashing
    // Re-raised after a return to normal: flashes again.
    send(kLevel, 50);
    QVERIFY(!banner.flashing());
    send(kLevel, 85);
    QVERIFY(banner.flashing());
}

void TstAlarmListModel::bannerIgnoresShelvedAndOutOfService()
{
    AlarmBannerStatus banner(m_list.get());
    send(kLevel, 85);
    send(kTemp, 5);
    m_engine->shelve(id("LT101/hi"), QStringLiteral("op"), QStringLiteral("known"), 60'000);
    m_engine->setOutOfService(id("TT201/lo"), true, QStringLiteral("op"));
    QCOMPARE(banner.total(), 0);
    QVERIFY(!banner.flashing());
    QCOMPARE(m_list->rowCount(), 2); // listed, marked, not annunciated
    m_engine->unshelve(id("LT101/hi"), QStringLiteral("op"));
    QCOMPARE(banner.high(), 1);
    QVERIFY(banner.flashing());
}

void TstAlarmListModel::chineseTexts()
{
    const InstalledTranslation zh(QStringLiteral(VIGIL_ZH_CN_QM));
    QVERIFY2(zh.ok(), qPrintable(zh.error()));
    AlarmBannerStatus banner(m_list.get());
    QCOMPARE(banner.newestText(), QStringLiteral("无未确认报警"));
    send(kLevel, 85);
    m_clock->advance(1000);
    send(kLevel, 50);
    QCOMPARE(text(0, AlarmListModel::StateTextRole), QStringLiteral("未确认 已恢复"));
    QCOMPARE(text(0, AlarmListModel::PriorityTextRole), QStringLiteral("高"));
    QCOMPARE(text(0, AlarmListModel::ResponseTimeTextRole), QStringLiteral("5 分钟"));
    m_engine->setDeviceConnected(QStringLiteral("plc"), false, QStringLiteral("timeout"));
    QCOMPARE(text(1, AlarmListModel::MessageRole), QStringLiteral("与 plc 的通讯中断"));
}

QTEST_MAIN(TstAlarmListModel)
#include "tst_alarmlistmodel.moc"
