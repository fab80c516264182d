// The trend page as an operator uses it, on real history (SQLite filled by a Historian) and a
// real query thread: series created on the ChartView and filled, legend values, cursor
// read-out, drag to pan, wheel to zoom, jump to a range, export of the shown range (only for a
// session that may export, audited for its user), and the degraded-history banner.

#include "history/historian.h"
#include "history/historyqueryservice.h"
#include "historystatus.h"
#include "historytesting.h"
#include "metatypes.h"
#include "qmltesting.h"
#include "security/session.h"
#include "securitytesting.h"
#include "trendcontroller.h"
#include "util/manualclock.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <cmath>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using vigil::testing::change;
using vigil::testing::createWindow;
using vigil::testing::findItem;
using vigil::testing::SecurityFixture;

class TstTrendPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void drawsPensFromHistory();
    void cursorReadsEveryPen();
    void dragPansAndWheelZooms();
    void jumpsToATypedRange();
    void viewerCannotExport();
    void exportsTheShownRange();
    void showsDegradedHistory();

private:
    QQuickWindow *load(TrendController *trend, HistoryStatus *history);
    void click(QQuickItem *item);
    QList<AuditRecord> exportAudits();
    QStringList exportedFiles() const;
    static double level(qint64 t)
    {
        return double(float(50 + 40 * std::sin(double(t) / 600'000.0)));
    }

    static constexpr qint64 kNow = 1'700'000'000'000;
    QTemporaryDir m_dir;
    std::shared_ptr<const TagDirectory> m_tags;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Historian> m_historian;
    std::unique_ptr<HistoryQueryService> m_queries;
    std::unique_ptr<HistoryStatus> m_status;
    std::unique_ptr<SecurityFixture> m_security;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TrendController> m_trend;
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
};

void TstTrendPage::initTestCase()
{
    registerCoreMetaTypes();
    std::vector<TagDefinition> defs(3);
    defs[0].id = QStringLiteral("LEVEL");
    defs[0].description = QStringLiteral("Tank level");
    defs[0].type = DataType::Float32;
    defs[0].unit = QStringLiteral("%");
    defs[0].decimals = 2;
    AlarmRule hi;
    hi.type = AlarmType::Hi;
    hi.limit = 80;
    hi.priority = AlarmPriority::High;
    defs[0].alarms.append(hi);
    defs[1].id = QStringLiteral("RUN");
    defs[1].type = DataType::Bool;
    defs[2].id = QStringLiteral("MODE");
    defs[2].type = DataType::String;
    m_tags = vigil::testing::makeTags(std::move(defs));
    m_clock = std::make_unique<ManualClock>(kNow);
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("history.db"));
    o.config.heartbeatMs = 0;
    m_historian = std::make_unique<Historian>(o, m_tags, *m_clock);
    m_historian->start();
    QTRY_COMPARE(m_historian->state(), HistorianState::Recording);
    // Two hours of 1 s data; LEVEL is bad (communication lost) from -50 to -40 minutes.
    ChangeSet set;
    for (qint64 t = kNow - 2 * 3'600'000; t < kNow; t += 1000) {
        const bool bad = t >= kNow - 50 * 60'000 && t < kNow - 40 * 60'000;
        set.append(change(0, t, level(t), bad ? Quality::CommError : Quality::Good));
        if ((t / 1000) % 600 == 0)
            set.append(change(1, t, (t / 600'000) % 2));
    }
    m_historian->record(set);
    QVERIFY(m_historian->flush());
    m_queries = std::make_unique<HistoryQueryService>(o.url, m_historian.get());
    m_status = std::make_unique<HistoryStatus>(m_historian.get());
    m_security = std::make_unique<SecurityFixture>();
    QString error;
    QVERIFY2(m_security->start(SecurityOptions(), &error), qPrintable(error));
    m_session = std::make_unique<Session>(SecurityOptions(), m_clock.get());
    m_trend = std::make_unique<TrendController>(*m_queries, m_tags, *m_clock,
                                                m_dir.filePath(QStringLiteral("exports")));
    m_trend->setSecurity(m_session.get(), m_security->service.get());
    m_window = load(m_trend.get(), m_status.get());
    QVERIFY(m_window);
}

void TstTrendPage::cleanupTestCase()
{
    delete m_window;
    m_trend.reset();
    m_session.reset();
    m_security.reset();
    m_queries.reset();
    m_historian.reset();
}

QQuickWindow *TstTrendPage::load(TrendController *trend, HistoryStatus *history)
{
    return createWindow(m_engine, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property TrendController trend
            required property HistoryStatus history
            width: 1150; height: 720; visible: true
            TrendPage { anchors.fill: parent; trend: w.trend; history: w.history }
        })"),
                        {{QStringLiteral("trend"), QVariant::fromValue(trend)},
                         {QStringLiteral("history"), QVariant::fromValue(history)}});
}

void TstTrendPage::click(QQuickItem *item)
{
    QVERIFY(item);
    QTest::mouseClick(m_window, Qt::LeftButton, {},
                      item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
}

QList<AuditRecord> TstTrendPage::exportAudits()
{
    AuditFilter filter;
    filter.actionPrefix = QStringLiteral("export.history");
    return m_security->auditRows(filter);
}

QStringList TstTrendPage::exportedFiles() const
{
    return QDir(m_dir.filePath(QStringLiteral("exports")))
        .entryList({QStringLiteral("trend_*.csv")}, QDir::Files);
}

void TstTrendPage::drawsPensFromHistory()
{
    // Analog tags are the default pens; a boolean can be added, a text tag cannot.
    QCOMPARE(m_trend->pens()->rowCount(), 1);
    QVERIFY(m_trend->addPen(QStringLiteral("RUN")));
    QVERIFY(!m_trend->addPen(QStringLiteral("MODE")));
    QVERIFY(!m_trend->addPen(QStringLiteral("RUN"))); // already there: focused instead
    QCOMPARE(m_trend->pens()->rowCount(), 2);
    QCOMPARE(m_trend->pens()->focused(), 1);
    m_trend->focusPen(0);
    QObject *chart = m_window->findChild<QObject *>(QStringLiteral("trendChart"));
    QVERIFY(chart);
    // 12 segment series per pen and one limit line (LEVEL's HI 80).
    QTRY_COMPARE(chart->property("count").toInt(), 2 * 12 + 1);
    QTRY_VERIFY(m_trend->shownPoints(0) > 0);
    const auto *plot = findItem(m_window, QStringLiteral("trendPlot"));
    QVERIFY(plot && plot->width() > 300);
    // About two points per pixel column, never more (once the layout has settled and the
    // query for the final plot width has come back).
    const int width = int(plot->width());
    QTRY_VERIFY2(
        m_trend->shownPoints(0) > width && m_trend->shownPoints(0) <= 2 * width + 8,
        qPrintable(QStringLiteral("%1 points for %2 px").arg(m_trend->shownPoints(0)).arg(width)));
    // Latest value of LEVEL, with its unit, in the legend.
    auto *value = findItem(m_window, QStringLiteral("penValue_LEVEL"));
    QVERIFY(value);
    QTRY_COMPARE(value->property("text").toString(),
                 QLocale().toString(level(kNow - 1000), 'f', 2) + QStringLiteral(" %"));
    QVERIFY(m_trend->statusText().contains(u"raw samples"));
}

void TstTrendPage::cursorReadsEveryPen()
{
    m_trend->showRange(QStringLiteral("-2h"), QStringLiteral("now"));
    // At 25 % of two hours (90 min ago) LEVEL is good; at 62.5 % (45 min ago) it is bad. The
    // legend reads the cursor from the pens' latest answer, so it shows the value of this range
    // once that answer is in (at 25 % of the previous range LEVEL was bad: "—").
    m_trend->setCursor(0.25);
    QQuickItem *value = nullptr;
    QTRY_VERIFY((value = findItem(m_window, QStringLiteral("penValue_LEVEL"))) != nullptr);
    const double expected = level(kNow - 90 * 60'000);
    const auto shown = [value] {
        return QLocale().toDouble(value->property("text").toString().section(u' ', 0, 0));
    };
    QTRY_VERIFY2(std::abs(shown() - expected) < 0.7,
                 qPrintable(value->property("text").toString()));
    // A relayout may query again (same range, other width); let it land before reading on.
    QTRY_VERIFY(!m_trend->busy());
    QVERIFY2(std::abs(shown() - expected) < 0.7, qPrintable(value->property("text").toString()));
    QVERIFY(m_trend->cursorText().startsWith(QDateTime::fromMSecsSinceEpoch(kNow - 90 * 60'000)
                                                 .toString(QStringLiteral("yyyy-MM-dd HH"))));
    // The legend row of the pen added by the previous test appears when the view next lays out,
    // which a busy machine may not have done yet.
    QQuickItem *run = nullptr;
    QTRY_VERIFY((run = findItem(m_window, QStringLiteral("penValue_RUN"))) != nullptr);
    QTRY_VERIFY(run->property("text").toString() == u"ON" ||
                run->property("text").toString() == u"OFF");
    m_trend->setCursor(0.625);
    QCOMPARE(value->property("text").toString(), QStringLiteral("—"));
    QCOMPARE(
        m_trend->pens()->data(m_trend->pens()->index(0), TrendPenModel::QualityMarkRole).toString(),
        qualityMark(Quality::CommError));
    m_trend->clearCursor();
}

void TstTrendPage::dragPansAndWheelZooms()
{
    m_trend->goLive();
    m_trend->setSpan(3'600'000);
    QVERIFY(m_trend->live());
    auto *plot = findItem(m_window, QStringLiteral("trendPlot"));
    const QPointF center = plot->mapToScene(QPointF(plot->width() / 2, plot->height() / 2));
    const qint64 toBefore = m_trend->toTime().toMSecsSinceEpoch();
    // Drag a quarter of the plot to the right: an earlier quarter hour.
    QTest::mousePress(m_window, Qt::LeftButton, {}, center.toPoint());
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(m_window, (center + QPointF(plot->width() / 40 * i, 0)).toPoint());
    QTest::mouseRelease(m_window, Qt::LeftButton, {},
                        (center + QPointF(plot->width() / 4, 0)).toPoint());
    QVERIFY(!m_trend->live());
    const qint64 moved = toBefore - m_trend->toTime().toMSecsSinceEpoch();
    QVERIFY2(std::abs(moved - 900'000) < 120'000, qPrintable(QString::number(moved)));

    const double spanBefore = m_trend->spanMs();
    QWheelEvent wheel(center, m_window->mapToGlobal(center), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_window, &wheel);
    QTRY_COMPARE(m_trend->spanMs(), spanBefore * 0.8);
    QTRY_VERIFY(!m_trend->busy());
}

void TstTrendPage::jumpsToATypedRange()
{
    QVERIFY(!m_trend->showRange(QStringLiteral("yesterday-ish"), QStringLiteral("now")));
    QVERIFY(!m_trend->showRange(QStringLiteral("now"), QStringLiteral("-1h")));
    QVERIFY(m_trend->showRange(QStringLiteral("-90m"), QStringLiteral("-30m")));
    QCOMPARE(m_trend->toTime().toMSecsSinceEpoch(), kNow - 30 * 60'000);
    QCOMPARE(m_trend->spanMs(), 3'600'000.0);
    QVERIFY(!m_trend->live());
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(kNow - 3 * 3'600'000);
    QVERIFY(m_trend->showRange(from.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                               QStringLiteral("now")));
    QCOMPARE(m_trend->fromTime().toMSecsSinceEpoch(), from.toMSecsSinceEpoch() / 1000 * 1000);
    QTRY_VERIFY(!m_trend->busy());

    // The same through the page: Go to…, type, Show.
    auto click = [&](QQuickItem *item) {
        QVERIFY(item);
        QTest::mouseClick(
            m_window, Qt::LeftButton, {},
            item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    };
    click(findItem(m_window, QStringLiteral("trendGoTo")));
    QTRY_VERIFY(findItem(m_window, QStringLiteral("goToFrom")));
    QQuickItem *fromField = findItem(m_window, QStringLiteral("goToFrom"));
    QTRY_VERIFY(fromField->isVisible());
    fromField->setProperty("text", QStringLiteral("-45m"));
    findItem(m_window, QStringLiteral("goToTo"))->setProperty("text", QStringLiteral("-15m"));
    click(findItem(m_window, QStringLiteral("goToShow")));
    QTRY_COMPARE(m_trend->toTime().toMSecsSinceEpoch(), kNow - 15 * 60'000);
    QCOMPARE(m_trend->spanMs(), 1'800'000.0);
    QTRY_VERIFY(!fromField->isVisible());
    QTRY_VERIFY(!m_trend->busy());
}

void TstTrendPage::viewerCannotExport()
{
    QQuickItem *button = findItem(m_window, QStringLiteral("trendExport"));
    QQuickItem *reason = findItem(m_window, QStringLiteral("trendExportRefusal"));
    QVERIFY(button);
    QVERIFY(reason);
    // Nobody logged in, then a viewer: the button is disabled and the page says why.
    const QString expected = QStringLiteral("Log in as an operator to export");
    for (const bool viewer : {false, true}) {
        if (viewer)
            m_session->logIn(QStringLiteral("vera"), Role::Viewer);
        QCOMPARE(m_trend->exportRefusal(), expected);
        QVERIFY(!button->isEnabled());
        QVERIFY(reason->isVisible());
        QCOMPARE(reason->property("text").toString(), expected);
    }
    // The controller refuses on its own too, and the refusal is audited.
    m_trend->exportShown(QStringLiteral("machine"));
    QCOMPARE(m_trend->exportText(), expected);
    QVERIFY(!m_trend->exporting());
    QTRY_COMPARE(exportAudits().size(), 1);
    const AuditRecord refused = exportAudits().constFirst();
    QCOMPARE(refused.user, QStringLiteral("vera"));
    QCOMPARE(refused.result, QStringLiteral("refused"));
    QVERIFY(refused.detail.contains(u"needs export-data"));
    QVERIFY(exportedFiles().isEmpty());
    m_session->logOut(QStringLiteral("user"));
}

void TstTrendPage::exportsTheShownRange()
{
    m_session->logIn(QStringLiteral("otto"), Role::Operator);
    QQuickItem *button = findItem(m_window, QStringLiteral("trendExport"));
    QVERIFY(button);
    QVERIFY(m_trend->exportRefusal().isEmpty());
    QVERIFY(button->isEnabled());
    QVERIFY(!findItem(m_window, QStringLiteral("trendExportRefusal"))->isVisible());
    QVERIFY(m_trend->showRange(QStringLiteral("-10m"), QStringLiteral("now")));
    findItem(m_window, QStringLiteral("trendExportProfile"))->setProperty("currentIndex", 1);
    click(button);
    QTRY_VERIFY_WITH_TIMEOUT(m_trend->exportText().startsWith(u"Exported"), 10000);
    QVERIFY(!m_trend->exporting());
    const QStringList files = exportedFiles();
    QCOMPARE(files.size(), 1);
    const QString path = m_dir.filePath(QStringLiteral("exports/")) + files.first();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArrayLiteral("time,tag,value,unit,quality\r"));
    // 600 LEVEL samples (1 s) and one RUN change in the shown 10 minutes, plus the header.
    QCOMPARE(lines.size() - 2, 601);

    // One audit row for the export, naming the operator, the file, the tags and the rows (after
    // the viewer's refusal).
    QTRY_COMPARE(exportAudits().size(), 2);
    const AuditRecord row = exportAudits().constFirst();
    QCOMPARE(row.user, QStringLiteral("otto"));
    QCOMPARE(row.result, QStringLiteral("ok"));
    QCOMPARE(QFileInfo(row.target).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
    QVERIFY2(row.detail.contains(u"tags LEVEL,RUN") && row.detail.contains(u"; 601 rows") &&
                 row.detail.contains(u"machine profile"),
             qPrintable(row.detail));
    m_session->logOut(QStringLiteral("user"));
}

void TstTrendPage::showsDegradedHistory()
{
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:/proc/vigil-cannot-write-here/history.db");
    o.retryIntervalMs = 60'000;
    Historian broken(o, m_tags, *m_clock);
    broken.start();
    QTRY_COMPARE(broken.state(), HistorianState::Degraded);
    HistoryStatus status(&broken);
    QTRY_VERIFY(status.degraded());
    QVERIFY(status.stateText().contains(u"DEGRADED"));
    QQuickWindow *window = load(m_trend.get(), &status);
    QVERIFY(window);
    auto *banner = findItem(window, QStringLiteral("historyDegraded"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY(!findItem(m_window, QStringLiteral("historyDegraded"))->isVisible());
    delete window;
}

QTEST_MAIN(TstTrendPage)
#include "tst_trendpage.moc"
