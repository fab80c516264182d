#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "util/manualclock.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace vigil;

class TstUiChangeCoalescer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void nothingChangedNothingEmitted();
    void burstBecomesOneUpdateWithLatestValues();
    void eachTagAppearsOnceWithCurrentState();
    void rateIsBoundedUnderContinuousLoad();
    void flushPublishesAtOnce();

private:
    ManualClock m_clock;
    std::unique_ptr<TagTable> m_table;
    std::unique_ptr<UiChangeCoalescer> m_coalescer;
};

void TstUiChangeCoalescer::initTestCase()
{
    qRegisterMetaType<ChangeSet>();
}

void TstUiChangeCoalescer::init()
{
    std::vector<TagDefinition> tags(100);
    for (int i = 0; i < 100; ++i) {
        tags[size_t(i)].id = QStringLiteral("T%1").arg(i);
        tags[size_t(i)].type = DataType::Float64;
    }
    m_table =
        std::make_unique<TagTable>(std::make_shared<const TagDirectory>(std::move(tags)), m_clock);
    m_coalescer = std::make_unique<UiChangeCoalescer>(*m_table, 50);
    connect(m_table.get(), &TagTable::changed, m_coalescer.get(), &UiChangeCoalescer::onChanged);
}

void TstUiChangeCoalescer::cleanup()
{
    m_coalescer.reset();
    m_table.reset();
}

void TstUiChangeCoalescer::nothingChangedNothingEmitted()
{
    QSignalSpy spy(m_coalescer.get(), &UiChangeCoalescer::updated);
    m_coalescer->flush();
    m_coalescer->onChanged({});
    QVERIFY(!m_coalescer->hasPending());
    QCOMPARE(spy.size(), 0);
}

void TstUiChangeCoalescer::burstBecomesOneUpdateWithLatestValues()
{
    QSignalSpy spy(m_coalescer.get(), &UiChangeCoalescer::updated);
    for (int i = 1; i <= 500; ++i)
        m_table->ingest({TagSample{7, Quality::Good, 0, double(i), {}}});
    QVERIFY(m_coalescer->hasPending());
    QCOMPARE(spy.size(), 0); // nothing is sent synchronously
    QTRY_COMPARE(spy.size(), 1);
    const ChangeSet cs = spy.at(0).at(0).value<ChangeSet>();
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].tag, 7u);
    QCOMPARE(cs[0].value, 500.0);
    QVERIFY(!m_coalescer->hasPending());
}

void TstUiChangeCoalescer::eachTagAppearsOnceWithCurrentState()
{
    QSignalSpy spy(m_coalescer.get(), &UiChangeCoalescer::updated);
    for (int round = 0; round < 3; ++round) {
        SampleBatch batch;
        for (quint32 t = 0; t < 100; t += 2)
            batch.append(TagSample{t, Quality::Good, 0, double(round * 1000 + int(t)), {}});
        m_table->ingest(batch);
    }
    m_table->ingest({TagSample{4, Quality::CommError, 0, 0, {}}});
    QTRY_COMPARE(spy.size(), 1);
    const ChangeSet cs = spy.at(0).at(0).value<ChangeSet>();
    QCOMPARE(cs.size(), 50);
    QSet<quint32> seen;
    for (const TagChange &c : cs) {
        QVERIFY2(!seen.contains(c.tag), "a tag appears twice in one update");
        seen.insert(c.tag);
        QCOMPARE(c.quality, m_table->quality(c.tag));
        QCOMPARE(c.value, m_table->value(c.tag));
        if (c.tag == 4)
            QCOMPARE(c.quality, Quality::CommError);
        else
            QCOMPARE(c.value, double(2000 + int(c.tag)));
    }
}

void TstUiChangeCoalescer::rateIsBoundedUnderContinuousLoad()
{
    QList<qint64> emitTimes;
    QElapsedTimer elapsed;
    elapsed.start();
    connect(m_coalescer.get(), &UiChangeCoalescer::updated, this,
            [&] { emitTimes.append(elapsed.nsecsElapsed() / 1'000'000); });
    // A driver delivering a batch every millisecond for 400 ms.
    int value = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    connect(&feeder, &QTimer::timeout, this, [&] {
        ++value;
        m_table->ingest({TagSample{quint32(value % 100), Quality::Good, 0, double(value), {}}});
    });
    feeder.start(1);
    // Run a real event loop for the load period (QTest::qWait polls too coarsely for a 1 ms feed).
    QEventLoop loop;
    QTimer::singleShot(400, &loop, &QEventLoop::quit);
    loop.exec();
    feeder.stop();
    const qint64 span = elapsed.elapsed();
    QVERIFY2(value > 50,
             qPrintable(QStringLiteral("the feeder ran %1 times in %2 ms").arg(value).arg(span)));
    QVERIFY2(emitTimes.size() >= 2, "updates stopped under load");
    QVERIFY2(
        emitTimes.size() <= span / 50 + 1,
        qPrintable(
            QStringLiteral("%1 updates in %2 ms exceed 20 Hz").arg(emitTimes.size()).arg(span)));
    for (int i = 1; i < emitTimes.size(); ++i)
        QVERIFY2(
            emitTimes[i] - emitTimes[i - 1] >= 49,
            qPrintable(QStringLiteral("updates %1 ms apart").arg(emitTimes[i] - emitTimes[i - 1])));
}

void TstUiChangeCoalescer::flushPublishesAtOnce()
{
    QSignalSpy spy(m_coalescer.get(), &UiChangeCoalescer::updated);
    m_table->ingest({TagSample{1, Quality::Good, 0, 3.0, {}}});
    m_coalescer->flush();
    QCOMPARE(spy.size(), 1);
    QVERIFY(!m_coalescer->hasPending());
    m_coalescer->flush();
    QCOMPARE(spy.size(), 1);
}

QTEST_GUILESS_MAIN(TstUiChangeCoalescer)
#include "tst_uichangecoalescer.moc"
