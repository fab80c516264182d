// The alarm history page, the events page and the alarm KPI panel as an operator uses them, on a
// real journal.db (SQLite in a temporary directory, rows with known figures) read through the
// real JournalQueryService thread: a priority filter narrows the rows, "Load more" appends the
// next page, typing a tag filters, the kind buttons narrow the timeline, and the KPI panel shows
// the flood banner and the bad actors.

#include "alarmhistorymodel.h"
#include "alarmkpistatus.h"
#include "eventtimelinemodel.h"
#include "historytesting.h"
#include "journal/journalqueryservice.h"
#include "journalfixture.h"
#include "qmltesting.h"
#include "util/manualclock.h"

#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using vigil::testing::createWindow;
using vigil::testing::findItem;
using vigil::testing::JournalAlarmRow;
using vigil::testing::JournalFixture;

namespace
{

constexpr qint64 kNow = 1'700'000'000'000;
constexpr int kRows = 150; // one per minute before now, priority i % 4 + 1
constexpr int kFlood = 11; // extra raises in the last 5 minutes: a flood now

// QTest::keyClicks() takes only widgets on Qt 6.4.
void typeText(QWindow *window, const char *text)
{
    for (const char *c = text; *c; ++c)
        QTest::keyClick(window, *c);
}

} // namespace

class TstJournalPages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void historyPageFiltersByPriorityAndLoadsTheNextPage();
    void historyPageFiltersByTypedTag();
    void eventsPageNarrowsByKind();
    void kpiPanelShowsFloodAndBadActors();

private:
    void click(const QString &name);
    int rowsWithPriority(int priority) const;

    JournalFixture m_db;
    ManualClock m_clock{kNow};
    std::shared_ptr<const TagDirectory> m_tags;
    std::unique_ptr<JournalQueryService> m_queries;
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
};

void TstJournalPages::initTestCase()
{
    QVERIFY(m_db.ok());
    std::vector<TagDefinition> defs(2);
    defs[0].id = QStringLiteral("LEVEL");
    defs[0].unit = QStringLiteral("%");
    defs[0].decimals = 1;
    defs[0].type = DataType::Float64;
    defs[1].id = QStringLiteral("PRESS");
    defs[1].unit = QStringLiteral("bar");
    defs[1].decimals = 2;
    defs[1].type = DataType::Float64;
    m_tags = vigil::testing::makeTags(std::move(defs));

    QVERIFY(m_db.begin());
    const QStringList kinds{"raised", "acknowledged", "cleared"};
    for (int i = 0; i < kRows; ++i) {
        JournalAlarmRow r;
        r.timeMs = kNow - 6 * 60'000 - i * 60'000;
        r.tag = i % 2 == 0 ? QStringLiteral("LEVEL") : QStringLiteral("PRESS");
        r.key = r.tag + QStringLiteral("/hi");
        r.message = r.tag + QStringLiteral(" high");
        r.priority = i % 4 + 1;
        r.kind = kinds[i % 3];
        r.value = 81.5;
        r.limit = 80;
        QVERIFY(m_db.addAlarm(r) > 0);
    }
    for (int i = 0; i < kFlood; ++i) {
        JournalAlarmRow r;
        r.timeMs = kNow - 5 * 60'000 + i * 20'000;
        r.key = r.tag = QStringLiteral("FLOOD");
        r.message = QStringLiteral("Flood source");
        r.priority = 4;
        QVERIFY(m_db.addAlarm(r) > 0);
    }
    QVERIFY(m_db.addEvent(kNow - 1000, 2, "device:plc1", "device.disconnected",
                          "connection refused") > 0);
    QVERIFY(m_db.addEvent(kNow - 2000, 1, "historian", "historian.degraded", "disk full") > 0);
    QVERIFY(m_db.addEvent(kNow - 3000, 0, "device:plc1", "device.connected", "connected") > 0);
    QVERIFY(m_db.commit());
    m_queries = std::make_unique<JournalQueryService>(m_db.url());
    m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

void TstJournalPages::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

void TstJournalPages::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TstJournalPages::click(const QString &name)
{
    QQuickItem *item = findItem(m_window, name);
    QVERIFY2(item, qPrintable(name));
    QVERIFY2(item->isVisible() && item->isEnabled(), qPrintable(name));
    QTest::mouseClick(m_window, Qt::LeftButton, {},
                      item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
}

int TstJournalPages::rowsWithPriority(int priority) const
{
    int n = 0;
    for (int i = 0; i < kRows; ++i)
        n += (i % 4 + 1 == priority) ? 1 : 0;
    return n + (priority == 4 ? kFlood : 0);
}

void TstJournalPages::historyPageFiltersByPriorityAndLoadsTheNextPage()
{
    AlarmHistoryModel model(*m_queries, m_tags, m_clock);
    const auto closeWindow = qScopeGuard([this] { cleanup(); }); // before the adapter goes
    // Hidden at first, like a page of the window's stack: shown, it reads the journal.
    m_window = createWindow(m_engine, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property AlarmHistoryModel history
            width: 1168; height: 736; visible: true
            AlarmHistoryPage { objectName: "page"; anchors.fill: parent; visible: false; history: w.history }
        })"),
                            {{QStringLiteral("history"), QVariant::fromValue(&model)}});
    QVERIFY(m_window);
    QCOMPARE(model.rowCount(), 0);
    findItem(m_window, QStringLiteral("page"))->setVisible(true);
    QTRY_COMPARE(model.rowCount(), JournalListModel::kPageSize);
    QVERIFY(model.hasMore());

    // The newest row: a critical raise of the flood, with colour, shape and text.
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = findItem(m_window, QStringLiteral("historyRow_0"))));
    QQuickItem *mark = findItem(row, QStringLiteral("priorityMark"));
    QVERIFY(mark);
    QCOMPARE(mark->property("text").toString(), QStringLiteral("CRIT"));
    QCOMPARE(model.data(model.index(0), AlarmHistoryModel::KindTextRole).toString(),
             QStringLiteral("Raised"));
    // An older LEVEL row shows value and limit with the tag's decimals and unit.
    const QModelIndex level = model.index(kFlood);
    QCOMPARE(model.data(level, AlarmHistoryModel::TagRole).toString(), QStringLiteral("LEVEL"));
    QCOMPARE(model.data(level, AlarmHistoryModel::ValueTextRole).toString(),
             QStringLiteral("81.5 %"));
    QCOMPARE(model.data(level, AlarmHistoryModel::LimitTextRole).toString(),
             QStringLiteral("80.0 %"));

    // Hide the low priority: fewer rows, none of them low.
    const int shown = kRows + kFlood - rowsWithPriority(1); // 150 + 11 - 38 = 123
    QCOMPARE(shown, 123);
    click(QStringLiteral("priorityFilter_1"));
    QTRY_VERIFY(!model.busy() && model.rowCount() == JournalListModel::kPageSize);
    QCOMPARE(model.shownPriorities(), QVariantList({2, 3, 4}));
    for (int i = 0; i < model.rowCount(); ++i)
        QVERIFY(model.data(model.index(i), AlarmHistoryModel::PriorityRole).toInt() != 1);

    // The next page comes with "Load more", appended below the first.
    const QString firstKey = model.data(model.index(0), AlarmHistoryModel::AlarmKeyRole).toString();
    QQuickItem *list = findItem(m_window, QStringLiteral("alarmHistoryList"));
    // Scrolled to the end; the list may still be settling its content height (delegates made
    // as they come into view), so scroll again until the footer is inside the window.
    QTRY_VERIFY([&] {
        QMetaObject::invokeMethod(list, "positionViewAtEnd");
        QQuickItem *more = findItem(m_window, QStringLiteral("loadMore"));
        return more && more->isVisible() &&
               more->mapToScene(QPointF(0, more->height())).y() <= m_window->height();
    }());
    click(QStringLiteral("loadMore"));
    QTRY_COMPARE(model.rowCount(), shown);
    QVERIFY(!model.hasMore());
    QCOMPARE(model.data(model.index(0), AlarmHistoryModel::AlarmKeyRole).toString(), firstKey);
    QTRY_VERIFY(!findItem(m_window, QStringLiteral("loadMore"))->isVisible());
}

void TstJournalPages::historyPageFiltersByTypedTag()
{
    AlarmHistoryModel model(*m_queries, m_tags, m_clock);
    const auto closeWindow = qScopeGuard([this] { cleanup(); }); // before the adapter goes
    m_window = createWindow(m_engine, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property AlarmHistoryModel history
            width: 1168; height: 736; visible: true
            AlarmHistoryPage { objectName: "page"; anchors.fill: parent; visible: false; history: w.history }
        })"),
                            {{QStringLiteral("history"), QVariant::fromValue(&model)}});
    QVERIFY(m_window);
    findItem(m_window, QStringLiteral("page"))->setVisible(true);
    QTRY_COMPARE(model.rowCount(), JournalListModel::kPageSize);
    click(QStringLiteral("tagFilter"));
    typeText(m_window, "press");
    QCOMPARE(model.tagFilter(), QStringLiteral("press"));
    QTRY_VERIFY(!model.busy() && model.rowCount() == kRows / 2); // the odd rows: 75 PRESS
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.data(model.index(i), AlarmHistoryModel::TagRole).toString(),
                 QStringLiteral("PRESS"));
    QVERIFY(!model.hasMore());

    // The text filter: the page's field follows the model, and the query narrows by it.
    model.setTextFilter(QStringLiteral("nothing like this"));
    QCOMPARE(findItem(m_window, QStringLiteral("textFilter"))->property("text").toString(),
             QStringLiteral("nothing like this"));
    QTRY_VERIFY(!model.busy() && model.rowCount() == 0);
}

void TstJournalPages::eventsPageNarrowsByKind()
{
    EventTimelineModel model(*m_queries, {QStringLiteral("plc1")}, m_clock);
    const auto closeWindow = qScopeGuard([this] { cleanup(); }); // before the adapter goes
    m_window = createWindow(m_engine, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property EventTimelineModel events
            width: 1168; height: 736; visible: true
            EventsPage { objectName: "page"; anchors.fill: parent; visible: false; events: w.events }
        })"),
                            {{QStringLiteral("events"), QVariant::fromValue(&model)}});
    QVERIFY(m_window);
    findItem(m_window, QStringLiteral("page"))->setVisible(true);
    // Alarms and system events on one timeline, newest first.
    QTRY_COMPARE(model.rowCount(), JournalListModel::kPageSize);
    QVERIFY(model.data(model.index(0), EventTimelineModel::IsAlarmRole).toBool() == false);
    QCOMPARE(model.data(model.index(0), EventTimelineModel::KindTextRole).toString(),
             QStringLiteral("Device disconnected"));
    QCOMPARE(model.data(model.index(0), EventTimelineModel::SeverityTextRole).toString(),
             QStringLiteral("ERROR"));
    QVERIFY(model.data(model.index(3), EventTimelineModel::IsAlarmRole).toBool());

    click(QStringLiteral("kindFilter_device."));
    QTRY_VERIFY(!model.busy() && model.rowCount() == 2);
    QCOMPARE(model.data(model.index(1), EventTimelineModel::KindTextRole).toString(),
             QStringLiteral("Device connected"));
    QCOMPARE(model.data(model.index(1), EventTimelineModel::DeviceRole).toString(),
             QStringLiteral("plc1"));
    click(QStringLiteral("kindFilter_all"));
    QTRY_VERIFY(!model.busy() && model.rowCount() == JournalListModel::kPageSize);
}

void TstJournalPages::kpiPanelShowsFloodAndBadActors()
{
    AlarmKpiStatus kpi(*m_queries, m_clock);
    const auto closeWindow = qScopeGuard([this] { cleanup(); }); // before the adapter goes
    m_window = createWindow(m_engine, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property AlarmKpiStatus kpi
            width: 560; height: 760; visible: true
            AlarmKpiPanel { anchors.fill: parent; kpi: w.kpi }
        })"),
                            {{QStringLiteral("kpi"), QVariant::fromValue(&kpi)}});
    QVERIFY(m_window);
    QVERIFY(kpi.active()); // shown: refreshed
    QTRY_VERIFY(kpi.hasData());
    // Raised rows are every third of the 150 (50), one per minute from 6 minutes ago, plus the
    // 11 flood raises of the last 5 minutes.
    QCOMPARE(kpi.alarms(), 50 + kFlood);
    QCOMPARE(kpi.recentAlarms(), kFlood + 2); // and the raises 6 and 9 minutes ago
    QVERIFY(kpi.floodNow());
    QQuickItem *banner = findItem(m_window, QStringLiteral("floodBanner"));
    QVERIFY(banner && banner->isVisible());
    QCOMPARE(findItem(m_window, QStringLiteral("kpiRecent"))->property("value"),
             QVariant(QString::number(kFlood + 2)));
    QQuickItem *top = findItem(m_window, QStringLiteral("badActor_0"));
    QVERIFY(top);
    // The bad actors are folded away (they take room from the alarm list) until asked for.
    QVERIFY(!top->isVisible());
    QQuickItem *toggle = findItem(m_window, QStringLiteral("kpiActorsToggle"));
    QVERIFY(toggle);
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        toggle->mapToScene(QPointF(toggle->width() / 2, toggle->height() / 2)).toPoint());
    QTRY_VERIFY(top->isVisible());
    const QVariantMap first = kpi.badActors().constFirst().toMap();
    QCOMPARE(first.value(QStringLiteral("key")).toString(), QStringLiteral("LEVEL/hi"));
    QCOMPARE(first.value(QStringLiteral("count")).toInt(), 25);
    QCOMPARE(kpi.badActors().size(), 3); // LEVEL 25, PRESS 25, FLOOD 11
}

QTEST_MAIN(TstJournalPages)
#include "tst_journalpages.moc"
