#include "tags/tagtable.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QtTest>

#include <limits>

using namespace vigil;

namespace
{

TagDefinition numeric(const QString &id, double deadband = 0.0, Scaling scaling = Scaling())
{
    TagDefinition t;
    t.id = id;
    t.device = QStringLiteral("dev");
    t.type = DataType::Float64;
    t.unit = QStringLiteral("bar");
    t.rangeLo = 0;
    t.rangeHi = 100;
    t.deadband = deadband;
    t.scaling = scaling;
    return t;
}

TagSample sample(quint32 tag, double value, Quality q = Quality::Good, qint64 sourceTime = 0)
{
    TagSample s;
    s.tag = tag;
    s.value = value;
    s.quality = q;
    s.sourceTime = sourceTime;
    return s;
}

} // namespace

class TstTagTable : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void startsWaitingForInitialData();
    void scalingIsApplied();
    void absoluteDeadbandSuppressesSmallMoves();
    void zeroDeadbandReportsEveryChangeButNotRepeats();
    void qualityChangeIsAlwaysReportedWithTheNewValue();
    void badSampleKeepsLastValue();
    void nonFiniteValuesAreRejectedAndCounted();
    void unknownTagIsRejected();
    void boolIsNormalised();
    void textTags();
    void timestamps();
    void severalSamplesOfOneTagInABatch();
    void lateSampleIsRefusedAndCounted();
    void clockSetBackDoesNotHoldValuesBack();
    void ingestEmitsOnlyWhenSomethingChanged();

private:
    std::shared_ptr<const TagDirectory> makeDirectory();
    ManualClock m_clock{1'700'000'000'000};
};

void TstTagTable::initTestCase()
{
    qRegisterMetaType<ChangeSet>();
}

std::shared_ptr<const TagDirectory> TstTagTable::makeDirectory()
{
    std::vector<TagDefinition> tags;
    tags.push_back(numeric(QStringLiteral("PLAIN")));   // 0
    tags.push_back(numeric(QStringLiteral("DB"), 0.5)); // 1
    tags.push_back(
        numeric(QStringLiteral("SCALED"), 0.0, Scaling::fromSpan(0, 27648, 0, 100))); // 2
    TagDefinition flag = numeric(QStringLiteral("FLAG"));
    flag.type = DataType::Bool;
    tags.push_back(flag); // 3
    TagDefinition text = numeric(QStringLiteral("MODE"));
    text.type = DataType::String;
    tags.push_back(text); // 4
    return std::make_shared<const TagDirectory>(std::move(tags));
}

void TstTagTable::startsWaitingForInitialData()
{
    TagTable table(makeDirectory(), m_clock);
    QCOMPARE(table.size(), 5u);
    for (quint32 t = 0; t < table.size(); ++t) {
        QCOMPARE(table.quality(t), Quality::WaitingForInitialData);
        QCOMPARE(table.lastUpdate(t), 0);
    }
}

void TstTagTable::scalingIsApplied()
{
    TagTable table(makeDirectory(), m_clock);
    const ChangeSet cs = table.apply({sample(2, 13824)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].tag, 2u);
    QCOMPARE(cs[0].value, 50.0);
    QCOMPARE(table.value(2), 50.0);
}

void TstTagTable::absoluteDeadbandSuppressesSmallMoves()
{
    TagTable table(makeDirectory(), m_clock);
    QCOMPARE(table.apply({sample(1, 10.0)}).size(), 1);
    QCOMPARE(table.apply({sample(1, 10.4)}).size(), 0); // within 0.5
    QCOMPARE(table.value(1), 10.0);                     // the reported value stays
    QCOMPARE(table.apply({sample(1, 9.6)}).size(), 0);
    QCOMPARE(table.apply({sample(1, 10.5)}).size(), 0); // exactly the deadband: not beyond
    const ChangeSet cs = table.apply({sample(1, 10.51)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].value, 10.51);
    // Measured from the last reported value, so slow drifts are reported too.
    QCOMPARE(table.apply({sample(1, 10.9)}).size(), 0);
    QCOMPARE(table.apply({sample(1, 11.2)}).size(), 1);
}

void TstTagTable::zeroDeadbandReportsEveryChangeButNotRepeats()
{
    TagTable table(makeDirectory(), m_clock);
    QCOMPARE(table.apply({sample(0, 1.0)}).size(), 1);
    QCOMPARE(table.apply({sample(0, 1.0)}).size(), 0);
    QCOMPARE(table.apply({sample(0, 1.0000001)}).size(), 1);
    QCOMPARE(table.acceptedSamples(), 3u);
}

void TstTagTable::qualityChangeIsAlwaysReportedWithTheNewValue()
{
    TagTable table(makeDirectory(), m_clock);
    table.apply({sample(1, 10.0)});
    const ChangeSet cs = table.apply({sample(1, 10.1, Quality::Uncertain)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].quality, Quality::Uncertain);
    QCOMPARE(cs[0].value, 10.1);
    QCOMPARE(table.apply({sample(1, 10.2, Quality::Uncertain)}).size(), 0);
}

void TstTagTable::badSampleKeepsLastValue()
{
    TagTable table(makeDirectory(), m_clock);
    table.apply({sample(0, 42.0)});
    ChangeSet cs = table.apply({sample(0, -1.0, Quality::CommError)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].quality, Quality::CommError);
    QCOMPARE(cs[0].value, 42.0);
    QCOMPARE(table.value(0), 42.0);
    // The same bad state again is not a change.
    QCOMPARE(table.apply({sample(0, 7.0, Quality::CommError)}).size(), 0);
    // NaN with a bad quality is fine: the value is not used.
    QCOMPARE(table.apply({sample(0, std::numeric_limits<double>::quiet_NaN(), Quality::CommError)})
                 .size(),
             0);
    QCOMPARE(table.rejectedSamples(), 0u);
    // Recovery is reported, even at the same value.
    cs = table.apply({sample(0, 42.0)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].quality, Quality::Good);
}

void TstTagTable::nonFiniteValuesAreRejectedAndCounted()
{
    TagTable table(makeDirectory(), m_clock);
    table.apply({sample(0, 5.0)});
    const ChangeSet cs = table.apply({sample(0, std::numeric_limits<double>::quiet_NaN()),
                                      sample(0, std::numeric_limits<double>::infinity()),
                                      sample(1, -std::numeric_limits<double>::infinity())});
    QCOMPARE(table.rejectedSamples(), 3u);
    // The last value is kept but no longer shown as Good: the tag is Bad with its own reason.
    QCOMPARE(cs.size(), 2);
    QCOMPARE(cs[0].tag, 0u);
    QCOMPARE(cs[0].quality, Quality::NonFinite);
    QCOMPARE(cs[0].value, 5.0);
    QCOMPARE(table.value(0), 5.0);
    QCOMPARE(table.quality(0), Quality::NonFinite);
    QCOMPARE(table.quality(1), Quality::NonFinite);
    // A finite value brings it back.
    const ChangeSet back = table.apply({sample(0, 6.0)});
    QCOMPARE(back.size(), 1);
    QCOMPARE(back[0].quality, Quality::Good);
    QCOMPARE(table.value(0), 6.0);
}

void TstTagTable::unknownTagIsRejected()
{
    TagTable table(makeDirectory(), m_clock);
    const ChangeSet cs = table.apply({sample(99, 1.0), sample(0, 1.0)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(table.rejectedSamples(), 1u);
}

void TstTagTable::boolIsNormalised()
{
    TagTable table(makeDirectory(), m_clock);
    ChangeSet cs = table.apply({sample(3, 5.0)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].value, 1.0);
    QCOMPARE(table.apply({sample(3, -2.0)}).size(), 0); // still true
    cs = table.apply({sample(3, 0.0)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].value, 0.0);
}

void TstTagTable::textTags()
{
    TagTable table(makeDirectory(), m_clock);
    TagSample s = sample(4, 0);
    s.text = QStringLiteral("AUTO");
    ChangeSet cs = table.apply({s});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs[0].text, QStringLiteral("AUTO"));
    QCOMPARE(table.apply({s}).size(), 0);
    s.text = QStringLiteral("MANUAL");
    cs = table.apply({s});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(table.current(4).text, QStringLiteral("MANUAL"));
}

void TstTagTable::timestamps()
{
    TagTable table(makeDirectory(), m_clock);
    const qint64 t0 = m_clock.nowMs();
    ChangeSet cs = table.apply({sample(0, 1.0, Quality::Good, t0 - 250)});
    QCOMPARE(cs[0].sourceTime, t0 - 250); // device time kept
    QCOMPARE(cs[0].serverTime, t0);
    m_clock.advance(1000);
    cs = table.apply({sample(0, 2.0)});
    QCOMPARE(cs[0].sourceTime, t0 + 1000); // no device time: server time
    // Within deadband: no change, but the refresh time moves (staleness uses it).
    m_clock.advance(1000);
    QCOMPARE(table.apply({sample(1, 3.0)}).size(), 1);
    m_clock.advance(500);
    QCOMPARE(table.apply({sample(1, 3.1)}).size(), 0);
    QCOMPARE(table.lastUpdate(1), t0 + 2500);
    QCOMPARE(table.current(1).serverTime, t0 + 2000);
}

// A sample older than the tag's current value (a device resending old data) is not shown as the
// current value and not passed on to history: it is refused and counted.
void TstTagTable::lateSampleIsRefusedAndCounted()
{
    TagTable table(makeDirectory(), m_clock);
    const qint64 t0 = m_clock.nowMs();
    QCOMPARE(table.apply({sample(0, 1.0, Quality::Good, t0 - 100)}).size(), 1);
    QSignalSpy spy(&table, &TagTable::changed);
    table.ingest({sample(0, 2.0, Quality::Good, t0 - 5000), sample(4, 0, Quality::Bad, t0)});
    QCOMPARE(spy.size(), 1);
    const ChangeSet cs = spy.first().first().value<ChangeSet>();
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs.first().tag, 4u);
    QCOMPARE(table.value(0), 1.0);
    QCOMPARE(table.current(0).sourceTime, t0 - 100);
    QCOMPARE(table.lateSamples(), 1u);
    QCOMPARE(table.rejectedSamples(), 1u);
    // The same time again is not late.
    QCOMPARE(table.apply({sample(0, 3.0, Quality::Good, t0 - 100)}).size(), 1);
    QCOMPARE(table.lateSamples(), 1u);
}

// The panel clock was a year ahead and is set back: values stamped by it are not "newer" than
// the samples that follow, which are taken at their true time.
void TstTagTable::clockSetBackDoesNotHoldValuesBack()
{
    const qint64 t0 = m_clock.nowMs();
    const qint64 year = 365LL * 86'400'000;
    m_clock.setNowMs(t0 + year);
    TagTable table(makeDirectory(), m_clock);
    QCOMPARE(table.apply({sample(0, 1.0)}).size(), 1);
    QCOMPARE(table.current(0).sourceTime, t0 + year);
    m_clock.setNowMs(t0);
    const ChangeSet cs = table.apply({sample(0, 2.0, Quality::Good, t0 - 10)});
    QCOMPARE(cs.size(), 1);
    QCOMPARE(cs.first().sourceTime, t0 - 10);
    QCOMPARE(table.value(0), 2.0);
    QCOMPARE(table.lateSamples(), 0u);
}

void TstTagTable::severalSamplesOfOneTagInABatch()
{
    TagTable table(makeDirectory(), m_clock);
    const ChangeSet cs =
        table.apply({sample(0, 1.0), sample(0, 2.0), sample(0, 2.0), sample(0, 3.0)});
    QCOMPARE(cs.size(), 3);
    QCOMPARE(cs[0].value, 1.0);
    QCOMPARE(cs[1].value, 2.0);
    QCOMPARE(cs[2].value, 3.0);
}

void TstTagTable::ingestEmitsOnlyWhenSomethingChanged()
{
    TagTable table(makeDirectory(), m_clock);
    QSignalSpy spy(&table, &TagTable::changed);
    table.ingest({sample(0, 1.0), sample(2, 27648)});
    QCOMPARE(spy.size(), 1);
    const ChangeSet cs = spy.at(0).at(0).value<ChangeSet>();
    QCOMPARE(cs.size(), 2);
    QCOMPARE(cs[1].value, 100.0);
    table.ingest({sample(0, 1.0)});
    table.ingest({});
    QCOMPARE(spy.size(), 1);
}

QTEST_GUILESS_MAIN(TstTagTable)
#include "tst_tagtable.moc"
