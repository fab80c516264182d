// vigil-sim --backfill-history as the demo runs it: two hours of demo plant history ending now,
// read back with HistoryReader (every tag the plant's devices deliver spans the two hours, within
// its display range, with no empty bucket), a second run refused without touching the database,
// and bad arguments refused with a message naming the problem.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "demoplantfeed.h"
#include "driverregistry.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "journal/journalconnection.h"
#include "metatypes.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace vigil;

class TstSimBackfill : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void historySpansTheHoursUpToNow();
    void secondRunIsRefused();
    void alarmJournalOfTheSameHours();
    void badArgumentsAreRefused();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    static Run sim(const QStringList &args);
    qint64 storedSamples(); // in chunks and text samples

    static constexpr qint64 kHourMs = 3'600'000;
    static constexpr qint64 kHours = 2;
    QTemporaryDir m_dir;
    QString m_db;
    std::optional<PlantLoader::Result> m_plant;
    std::set<quint32> m_fed; // tags the plant's devices deliver
    qint64 m_before = 0;     // wall clock around the backfill
    qint64 m_after = 0;
    Run m_first;
};

TstSimBackfill::Run TstSimBackfill::sim(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"), args);
    Run r;
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("vigil-sim did not finish: ") + p.errorString();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

qint64 TstSimBackfill::storedSamples()
{
    HistoryConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + m_db),
                        HistoryConnection::Role::Reader);
    QString error;
    if (!c.open(&error))
        return -1;
    QSqlQuery q(c.database());
    return q.exec(QStringLiteral("SELECT (SELECT coalesce(sum(n), 0) FROM chunk) + "
                                 "(SELECT count(*) FROM text_sample)")) &&
                   q.next()
               ? q.value(0).toLongLong()
               : -1;
}

void TstSimBackfill::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY2(QFile::exists(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim")),
             "the vigil-sim binary is not built");
    QVERIFY(m_dir.isValid());
    DriverRegistry drivers;
    registerBuiltinDrivers(drivers);
    m_plant =
        PlantLoader(drivers).load(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    QVERIFY2(m_plant->plant, qPrintable(m_plant->diagnostics.toStringList().join(u'\n')));

    // What the devices deliver, from the same feed over a simulated minute (write-only command
    // tags receive nothing). The minute lies in this century: source times before 2000 are
    // refused as a device clock that was never set.
    constexpr qint64 kStart = 1'700'000'000'000;
    sim::DemoPlantFeed feed(*m_plant->plant, kStart);
    feed.run(kStart + 60'000, [&](qint64, const SampleBatch &batch) {
        for (const TagSample &s : batch)
            m_fed.insert(s.tag);
    });
    QVERIFY2(m_fed.size() >= m_plant->plant->tags->size() * 3 / 4,
             qPrintable(QStringLiteral("only %1 of %2 demo tags fed")
                            .arg(m_fed.size())
                            .arg(m_plant->plant->tags->size())));

    m_db = m_dir.filePath(QStringLiteral("data/history.db")); // the directory is made too
    m_before = QDateTime::currentMSecsSinceEpoch();
    m_first = sim({QStringLiteral("--backfill-history"), m_db, QStringLiteral("--hours"),
                   QString::number(kHours), QStringLiteral("--config"),
                   QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml")});
    m_after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(m_first.code == 0, qPrintable(m_first.err));
}

void TstSimBackfill::historySpansTheHoursUpToNow()
{
    // One summary line: tags, samples, bytes.
    const QStringList lines = m_first.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    static const QRegularExpression summary(
        QStringLiteral(R"((\d+) tags, (\d+) samples, (\d+) bytes)"));
    const QRegularExpressionMatch m = summary.match(lines[0]);
    QVERIFY2(m.hasMatch(), qPrintable(lines[0]));
    QCOMPARE(m.captured(1).toULongLong(), quint64(m_fed.size()));
    QVERIFY(m.captured(2).toLongLong() > 10'000);
    QVERIFY(m.captured(3).toLongLong() > 10'000);
    QCOMPARE(m.captured(2).toLongLong(), storedSamples());

    HistoryConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + m_db),
                        HistoryConnection::Role::Reader);
    QString error;
    QVERIFY2(c.open(&error), qPrintable(error));
    HistoryReader reader(c.database());
    const TagDirectory &tags = *m_plant->plant->tags;
    const qint64 earliestStart = m_before - kHours * kHourMs;
    const qint64 latestStart = m_after - kHours * kHourMs;
    const qint64 maxHeartbeat = 10 * 60'000; // the demo plant's slowest ("states")
    for (quint32 t : m_fed) {
        const TagDefinition &tag = tags.at(t);
        if (tag.type == DataType::String) {
            QList<HistoryReader::TextSample> texts;
            QVERIFY(reader.textPage(*reader.tagKey(tag.id), 0, m_after, 0, 10, texts));
            QVERIFY2(!texts.isEmpty(), qPrintable(tag.id));
            continue;
        }
        HistorySamples raw;
        QVERIFY2(reader.raw(tag.id, 0, m_after + 60'000, raw), qPrintable(reader.lastError()));
        QVERIFY2(!raw.isEmpty(), qPrintable(tag.id + QStringLiteral(": no history")));
        // From the start (a scan period or two late at most) up to about now.
        QVERIFY2(raw.first().time >= earliestStart && raw.first().time <= latestStart + 10'000,
                 qPrintable(QStringLiteral("%1 starts at %2, not %3")
                                .arg(tag.id)
                                .arg(raw.first().time)
                                .arg(earliestStart)));
        QVERIFY2(raw.last().time <= m_after && raw.last().time >= m_before - maxHeartbeat - 60'000,
                 qPrintable(QStringLiteral("%1 ends %2 s before the backfill ended")
                                .arg(tag.id)
                                .arg((m_before - raw.last().time) / 1000)));

        // Values within the display range, but for brief transients the plant really has (the
        // pump motor's inrush on start, 60 A against a 0..40 A range, decays in about a
        // second): at most 1% of the samples outside, and none beyond half a span outside.
        if (tag.type != DataType::Bool) {
            const double span = tag.rangeHi - tag.rangeLo;
            qsizetype outside = 0;
            for (const HistorySample &s : std::as_const(raw)) {
                QVERIFY2(s.value >= tag.rangeLo - span / 2 && s.value <= tag.rangeHi + span / 2,
                         qPrintable(QStringLiteral("%1 = %2 at %3, far outside its range %4..%5")
                                        .arg(tag.id)
                                        .arg(s.value)
                                        .arg(s.time)
                                        .arg(tag.rangeLo)
                                        .arg(tag.rangeHi)));
                outside += s.value < tag.rangeLo || s.value > tag.rangeHi ? 1 : 0;
            }
            QVERIFY2(outside * 100 <= raw.size(),
                     qPrintable(QStringLiteral("%1: %2 of %3 samples outside its range %4..%5")
                                    .arg(tag.id)
                                    .arg(outside)
                                    .arg(raw.size())
                                    .arg(tag.rangeLo)
                                    .arg(tag.rangeHi)));
        }

        // Four buckets over the two hours, as the trend page reads them (from 10-minute
        // rollups): none empty. Each spans at least two rollups, so even a flat state tag with
        // its 10-minute heartbeat has a sample in every bucket.
        BucketSeries series;
        QVERIFY2(
            reader.buckets(tag.id, latestStart, latestStart + kHours * kHourMs - 60'000, 4, series),
            qPrintable(reader.lastError()));
        for (const RollupBucket &b : series.buckets) {
            QVERIFY2(b.count > 0, qPrintable(QStringLiteral("%1: an empty bucket").arg(tag.id)));
            QVERIFY2(b.badCount == 0, qPrintable(tag.id));
        }
    }
}

void TstSimBackfill::secondRunIsRefused()
{
    const qint64 before = storedSamples();
    QVERIFY(before > 0);
    const Run again = sim({QStringLiteral("--backfill-history"), m_db, QStringLiteral("--hours"),
                           QStringLiteral("1")});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(u"already holds history of") &&
                 again.err.contains(u"later than the backfill start"),
             qPrintable(again.err));
    QVERIFY(again.out.isEmpty());
    QCOMPARE(storedSamples(), before); // nothing written
}

// --journal: the alarms of the backfilled hours land in the alarm journal through the real
// engine, each acknowledged by the simulated operator a little later; a second run is refused.
void TstSimBackfill::alarmJournalOfTheSameHours()
{
    const QString history = m_dir.filePath(QStringLiteral("alarms/history.db"));
    const QString journal = m_dir.filePath(QStringLiteral("alarms/journal.db"));
    const QString plant = QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml");
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const Run run = sim({QStringLiteral("--backfill-history"), history, QStringLiteral("--hours"),
                         QString::number(kHours), QStringLiteral("--journal"), journal,
                         QStringLiteral("--config"), plant});
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(run.code == 0, qPrintable(run.err));
    static const QRegularExpression summary(QStringLiteral(
        R"(alarm journal: (\d+) alarms raised, (\d+) acknowledged, (\d+) transitions)"));
    const QRegularExpressionMatch m = summary.match(run.out);
    QVERIFY2(m.hasMatch(), qPrintable(run.out));

    JournalConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + journal),
                        JournalConnection::Role::Reader);
    QString error;
    QVERIFY2(c.open(&error), qPrintable(error));
    QSqlQuery q(c.database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT count(*), sum(kind = 'raised'), sum(kind = 'acknowledged'), min(time_ms), "
        "max(time_ms), sum(kind = 'acknowledged' AND user_name = 'operator'), "
        "sum(kind = 'acknowledged' AND comment <> '') FROM alarm_journal")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), m.captured(3).toLongLong());
    QCOMPARE(q.value(1).toLongLong(), m.captured(1).toLongLong());
    QCOMPARE(q.value(2).toLongLong(), m.captured(2).toLongLong());
    // The demo's operator routine drives the tank past Hi within minutes: hours raise alarms.
    QVERIFY2(q.value(1).toLongLong() >= 2, qPrintable(run.out));
    QVERIFY(q.value(2).toLongLong() >= 1);
    QVERIFY2(q.value(3).toLongLong() >= before - kHours * kHourMs &&
                 q.value(4).toLongLong() <= after,
             "every transition lies in the backfilled hours");
    QCOMPARE(q.value(5).toLongLong(), q.value(2).toLongLong());
    q.finish();

    const Run again = sim(
        {QStringLiteral("--backfill-history"), m_dir.filePath(QStringLiteral("alarms/other.db")),
         QStringLiteral("--hours"), QStringLiteral("1"), QStringLiteral("--journal"), journal,
         QStringLiteral("--config"), plant});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(u"already holds alarms"), qPrintable(again.err));
}

void TstSimBackfill::badArgumentsAreRefused()
{
    const QString fresh = m_dir.filePath(QStringLiteral("fresh.db"));
    const QString broken = m_dir.filePath(QStringLiteral("broken.toml"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[plant]\nname = \"Broken\"\n[[devices]]\nid = \"d\"\ndriver = \"nosuch\"\n");
    file.close();
    const QString b = QStringLiteral("--backfill-history");
    const QString h = QStringLiteral("--hours");
    const struct {
        QStringList args;
        int code;
        QString message;
    } cases[] = {
        {{b, fresh, h, QStringLiteral("0")}, 2, QStringLiteral("--hours must be more than 0")},
        {{b, fresh, h, QStringLiteral("-3")}, 2, QStringLiteral("--hours must be more than 0")},
        {{b, fresh, h, QStringLiteral("745")}, 2, QStringLiteral("at most 744")},
        {{b, fresh, h, QStringLiteral("two")}, 2, QStringLiteral("bad value for --hours")},
        {{b, fresh}, 2, QStringLiteral("needs --hours")},
        {{h, QStringLiteral("2")}, 2, QStringLiteral("go with --backfill-history")},
        {{QStringLiteral("--journal"), fresh}, 2, QStringLiteral("go with --backfill-history")},
        {{b, fresh, h, QStringLiteral("1"), QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0")},
         2,
         QStringLiteral("serves no")},
        {{b, fresh, h, QStringLiteral("1"), QStringLiteral("--config"), broken},
         1,
         broken + QStringLiteral(" is not a valid plant file")},
        {{b, fresh, h, QStringLiteral("1"), QStringLiteral("--config"),
          m_dir.filePath(QStringLiteral("missing.toml"))},
         1,
         QStringLiteral("missing.toml")},
        {{b, QStringLiteral("mysql://x/y"), h, QStringLiteral("1"), QStringLiteral("--config"),
          QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml")},
         1,
         QStringLiteral("mysql://x/y")},
    };
    for (const auto &c : cases) {
        const Run r = sim(c.args);
        QVERIFY2(r.code == c.code && r.err.contains(c.message),
                 qPrintable(
                     QStringLiteral("%1 -> %2: %3").arg(c.args.join(u' ')).arg(r.code).arg(r.err)));
        QVERIFY2(!QFile::exists(fresh), qPrintable(c.args.join(u' ')));
    }
}

QTEST_GUILESS_MAIN(TstSimBackfill)
#include "tst_simbackfill.moc"
