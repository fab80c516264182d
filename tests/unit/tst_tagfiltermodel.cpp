#include "metatypes.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace vigil;

namespace
{

TagDefinition tagDef(const QString &id, const QString &description, const QString &device,
                     const QString &unit, DataType type = DataType::Float64)
{
    TagDefinition t;
    t.id = id;
    t.description = description;
    t.device = device;
    t.unit = unit;
    t.type = type;
    t.rangeLo = -1000;
    t.rangeHi = 1000;
    return t;
}

TagChange change(quint32 tag, double value, Quality q = Quality::Good, qint64 time = 1000,
                 const QString &text = QString())
{
    TagChange c;
    c.tag = tag;
    c.value = value;
    c.quality = q;
    c.sourceTime = time;
    c.serverTime = time;
    c.text = text;
    return c;
}

} // namespace

class TstTagFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultsToAllTagsByIdAscending();
    void filterMatchesEveryWordCaseInsensitive_data();
    void filterMatchesEveryWordCaseInsensitive();
    void filterSignalsAndCount();
    void filterStaysAppliedWhenValuesChange();
    void sortByTextColumns();
    void sortBySameKeyTogglesOrder();
    void sortByUnknownKeyIsIgnored();
    void sortByValueIsNumeric();
    void sortByQualityAndTime();
    void resortsWhenValuesChange();
    void sortByIsInvokable();

private:
    QStringList ids() const;

    std::unique_ptr<TagListModel> m_source;
    std::unique_ptr<TagFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TstTagFilterModel::initTestCase()
{
    registerCoreMetaTypes();
}

void TstTagFilterModel::init()
{
    std::vector<TagDefinition> defs{
        tagDef(QStringLiteral("TT101"), QStringLiteral("Tank temperature"), QStringLiteral("unit1"),
               QStringLiteral("°C")),
        tagDef(QStringLiteral("PT201"), QStringLiteral("Air header pressure"),
               QStringLiteral("utilities"), QStringLiteral("bar")),
        tagDef(QStringLiteral("FT101"), QStringLiteral("Inlet flow"), QStringLiteral("unit1"),
               QStringLiteral("m³/h")),
        tagDef(QStringLiteral("LT101"), QStringLiteral("tank level"), QStringLiteral("unit1"),
               QStringLiteral("%")),
        tagDef(QStringLiteral("P101.MODE"), QStringLiteral("Pump mode"), QStringLiteral("unit1"),
               QString(), DataType::String),
        tagDef(QStringLiteral("P101.RUN"), QStringLiteral("Pump running"),
               QStringLiteral("utilities"), QString(), DataType::Bool),
    };
    m_source = std::make_unique<TagListModel>(std::make_shared<TagDirectory>(std::move(defs)));
    m_sourceTester = std::make_unique<QAbstractItemModelTester>(
        m_source.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<TagFilterModel>(m_source.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TstTagFilterModel::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_sourceTester.reset();
    m_source.reset();
}

QStringList TstTagFilterModel::ids() const
{
    QStringList out;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        out.append(m_proxy->index(row, 0).data(TagListModel::IdRole).toString());
    return out;
}

void TstTagFilterModel::defaultsToAllTagsByIdAscending()
{
    QCOMPARE(m_proxy->count(), 6);
    QCOMPARE(m_proxy->totalCount(), 6);
    QCOMPARE(m_proxy->property("count").toInt(), 6);
    QCOMPARE(m_proxy->property("totalCount").toInt(), 6);
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("tagId"));
    QCOMPARE(m_proxy->property("sortKey").toString(), QStringLiteral("tagId"));
    QCOMPARE(m_proxy->ascending(), true);
    QCOMPARE(m_proxy->filterText(), QString());
    QCOMPARE(ids(), (QStringList{"FT101", "LT101", "P101.MODE", "P101.RUN", "PT201", "TT101"}));
    // The proxy exposes the source's roles to QML.
    QCOMPARE(m_proxy->roleNames(), m_source->roleNames());
}

void TstTagFilterModel::filterMatchesEveryWordCaseInsensitive_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected"); // in tagId order

    QTest::newRow("empty") << "" << QStringList{"FT101",    "LT101", "P101.MODE",
                                                "P101.RUN", "PT201", "TT101"};
    QTest::newRow("blank") << "   " << QStringList{"FT101",    "LT101", "P101.MODE",
                                                   "P101.RUN", "PT201", "TT101"};
    QTest::newRow("id prefix") << "pt2" << QStringList{"PT201"};
    QTest::newRow("id substring") << "101"
                                  << QStringList{"FT101", "LT101", "P101.MODE", "P101.RUN",
                                                 "TT101"};
    QTest::newRow("description, any case") << "TANK" << QStringList{"LT101", "TT101"};
    QTest::newRow("description, mixed case") << "tAnK" << QStringList{"LT101", "TT101"};
    QTest::newRow("every word must match") << "tank level" << QStringList{"LT101"};
    QTest::newRow("word order does not matter") << "level tank" << QStringList{"LT101"};
    QTest::newRow("extra spaces") << "  tank    temp  " << QStringList{"TT101"};
    QTest::newRow("device") << "utilities" << QStringList{"P101.RUN", "PT201"};
    QTest::newRow("unit") << "bar" << QStringList{"PT201"};
    QTest::newRow("unit with symbols") << "m³/H" << QStringList{"FT101"};
    QTest::newRow("words across fields") << "unit1 °c" << QStringList{"TT101"};
    QTest::newRow("device and description") << "UTILITIES pump" << QStringList{"P101.RUN"};
    QTest::newRow("one word does not match") << "tank xyz" << QStringList{};
    QTest::newRow("nothing") << "nosuchtag" << QStringList{};
}

void TstTagFilterModel::filterMatchesEveryWordCaseInsensitive()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    m_proxy->setFilterText(filter);
    QCOMPARE(m_proxy->filterText(), filter);
    QCOMPARE(ids(), expected);
    QCOMPARE(m_proxy->count(), int(expected.size()));
    QCOMPARE(m_proxy->totalCount(), 6);
}

void TstTagFilterModel::filterSignalsAndCount()
{
    QSignalSpy textSpy(m_proxy.get(), &TagFilterModel::filterTextChanged);
    QSignalSpy countSpy(m_proxy.get(), &TagFilterModel::countChanged);

    // Through the property, as QML sets it.
    QVERIFY(m_proxy->setProperty("filterText", QStringLiteral("tank")));
    QCOMPARE(textSpy.size(), 1);
    QVERIFY(countSpy.size() >= 1);
    QCOMPARE(m_proxy->property("count").toInt(), 2);
    QCOMPARE(m_proxy->property("totalCount").toInt(), 6);

    // The same text again changes nothing.
    countSpy.clear();
    m_proxy->setFilterText(QStringLiteral("tank"));
    QCOMPARE(textSpy.size(), 1);
    QCOMPARE(countSpy.size(), 0);

    // Narrowing further.
    m_proxy->setFilterText(QStringLiteral("tank temperature"));
    QCOMPARE(textSpy.size(), 2);
    QVERIFY(countSpy.size() >= 1);
    QCOMPARE(m_proxy->count(), 1);

    // Clearing brings everything back.
    countSpy.clear();
    m_proxy->setFilterText(QString());
    QCOMPARE(textSpy.size(), 3);
    QVERIFY(countSpy.size() >= 1);
    QCOMPARE(m_proxy->count(), 6);
}

void TstTagFilterModel::filterStaysAppliedWhenValuesChange()
{
    m_proxy->setFilterText(QStringLiteral("tank"));
    QCOMPARE(m_proxy->count(), 2);
    QSignalSpy countSpy(m_proxy.get(), &TagFilterModel::countChanged);
    m_source->applyUpdate({change(0, 1.0), change(1, 2.0), change(2, 3.0), change(3, 4.0)});
    QCOMPARE(ids(), (QStringList{"LT101", "TT101"}));
    QCOMPARE(m_proxy->count(), 2);
    QCOMPARE(countSpy.size(), 0);
    // The visible rows show the new values.
    QCOMPARE(m_proxy->index(0, 0).data(TagListModel::ValueRole).toDouble(), 4.0);
    QCOMPARE(m_proxy->index(1, 0).data(TagListModel::ValueRole).toDouble(), 1.0);
}

void TstTagFilterModel::sortByTextColumns()
{
    QSignalSpy sortSpy(m_proxy.get(), &TagFilterModel::sortChanged);
    m_proxy->sortBy(QStringLiteral("description"));
    QCOMPARE(sortSpy.size(), 1);
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("description"));
    QCOMPARE(m_proxy->ascending(), true);
    // Case-insensitive: "tank level" sorts between "Pump running" and "Tank temperature".
    QCOMPARE(ids(), (QStringList{"PT201", "FT101", "P101.MODE", "P101.RUN", "LT101", "TT101"}));

    m_proxy->sortBy(QStringLiteral("device"));
    QCOMPARE(sortSpy.size(), 2);
    QCOMPARE(m_proxy->ascending(), true);
    // Ties keep the source (load) order.
    QCOMPARE(ids(), (QStringList{"TT101", "FT101", "LT101", "P101.MODE", "PT201", "P101.RUN"}));
}

void TstTagFilterModel::sortBySameKeyTogglesOrder()
{
    QSignalSpy sortSpy(m_proxy.get(), &TagFilterModel::sortChanged);
    m_proxy->sortBy(QStringLiteral("tagId")); // the current key: reverses
    QCOMPARE(sortSpy.size(), 1);
    QCOMPARE(m_proxy->ascending(), false);
    QCOMPARE(m_proxy->property("ascending").toBool(), false);
    QCOMPARE(ids(), (QStringList{"TT101", "PT201", "P101.RUN", "P101.MODE", "LT101", "FT101"}));

    m_proxy->sortBy(QStringLiteral("tagId"));
    QCOMPARE(m_proxy->ascending(), true);
    QCOMPARE(ids(), (QStringList{"FT101", "LT101", "P101.MODE", "P101.RUN", "PT201", "TT101"}));

    // Reverse, then choose another key: a new key starts ascending.
    m_proxy->sortBy(QStringLiteral("tagId"));
    QCOMPARE(m_proxy->ascending(), false);
    m_proxy->sortBy(QStringLiteral("description"));
    QCOMPARE(m_proxy->ascending(), true);
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("description"));
    QCOMPARE(sortSpy.size(), 4);
}

void TstTagFilterModel::sortByUnknownKeyIsIgnored()
{
    QSignalSpy sortSpy(m_proxy.get(), &TagFilterModel::sortChanged);
    m_proxy->sortBy(QStringLiteral("bogus"));
    m_proxy->sortBy(QString());
    QCOMPARE(sortSpy.size(), 0);
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("tagId"));
    QCOMPARE(m_proxy->ascending(), true);
    QCOMPARE(ids(), (QStringList{"FT101", "LT101", "P101.MODE", "P101.RUN", "PT201", "TT101"}));
}

void TstTagFilterModel::sortByValueIsNumeric()
{
    // As strings these would sort "-1.5" "10" "100" "2.5" "9".
    m_source->applyUpdate({change(0, 9.0), change(1, 10.0), change(2, 100.0), change(3, 2.5),
                           change(4, 0.0, Quality::Good, 1000, QStringLiteral("AUTO")),
                           change(5, 1.0)});
    m_source->applyUpdate({change(0, 9.0), change(1, 10.0), change(2, 100.0), change(3, -1.5)});
    m_proxy->sortBy(QStringLiteral("value"));
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("value"));
    QCOMPARE(m_proxy->ascending(), true);
    const QStringList asc = ids();
    // Numbers first, in numeric order, then the text-valued tags.
    QCOMPARE(asc.mid(0, 4), (QStringList{"LT101", "TT101", "PT201", "FT101"}));
    QCOMPARE(QSet<QString>(asc.begin() + 4, asc.end()), (QSet<QString>{"P101.MODE", "P101.RUN"}));

    m_proxy->sortBy(QStringLiteral("value"));
    QCOMPARE(m_proxy->ascending(), false);
    const QStringList desc = ids();
    QStringList numericDesc;
    for (const QString &id : desc) {
        if (!id.startsWith(u"P101."))
            numericDesc.append(id);
    }
    QCOMPARE(numericDesc, (QStringList{"FT101", "PT201", "TT101", "LT101"}));
}

void TstTagFilterModel::sortByQualityAndTime()
{
    m_source->applyUpdate({
        change(0, 1.0, Quality::CommError, 5000),                         // TT101
        change(1, 1.0, Quality::Good, 9000),                              // PT201
        change(2, 1.0, Quality::Stale, 1000),                             // FT101
        change(3, 1.0, Quality::Good, 7000),                              // LT101
        change(4, 0.0, Quality::OutOfService, 3000, QStringLiteral("X")), // P101.MODE
        change(5, 1.0, Quality::Uncertain, 10000),                        // P101.RUN
    });
    // Quality by severity: good, uncertain, stale, then bad (CommError 0x82 < OOS 0x84).
    m_proxy->sortBy(QStringLiteral("quality"));
    QCOMPARE(ids(), (QStringList{"PT201", "LT101", "P101.RUN", "FT101", "TT101", "P101.MODE"}));

    m_proxy->sortBy(QStringLiteral("time"));
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("time"));
    QCOMPARE(ids(), (QStringList{"FT101", "P101.MODE", "TT101", "LT101", "PT201", "P101.RUN"}));
    m_proxy->sortBy(QStringLiteral("time"));
    QCOMPARE(ids(), (QStringList{"P101.RUN", "PT201", "LT101", "TT101", "P101.MODE", "FT101"}));
}

void TstTagFilterModel::resortsWhenValuesChange()
{
    m_source->applyUpdate({change(0, 1.0), change(1, 2.0), change(2, 3.0), change(3, 4.0),
                           change(4, 0.0, Quality::Good, 1000, QStringLiteral("AUTO")),
                           change(5, 0.0)});
    m_proxy->setFilterText(QStringLiteral("unit1")); // hide PT201 and P101.RUN from the view
    m_proxy->sortBy(QStringLiteral("value"));
    QCOMPARE(ids().mid(0, 3), (QStringList{"TT101", "FT101", "LT101"}));

    // TT101 becomes the largest value, then the smallest: the view follows.
    m_source->applyUpdate({change(0, 50.0)});
    QCOMPARE(ids().mid(0, 3), (QStringList{"FT101", "LT101", "TT101"}));
    m_source->applyUpdate({change(3, -10.0), change(2, 60.0)});
    QCOMPARE(ids().mid(0, 3), (QStringList{"LT101", "TT101", "FT101"}));
    QCOMPARE(m_proxy->count(), 4);

    // Quality changes re-sort a quality-sorted view too.
    m_proxy->sortBy(QStringLiteral("quality"));
    QCOMPARE(ids().constLast(), QStringLiteral("P101.MODE")); // all good: load order
    m_source->applyUpdate({change(0, 50.0, Quality::CommError)});
    QCOMPARE(ids().constLast(), QStringLiteral("TT101"));
    m_source->applyUpdate({change(0, 50.0, Quality::Good)});
    QCOMPARE(ids().constLast(), QStringLiteral("P101.MODE"));
    QCOMPARE(m_proxy->count(), 4);
}

void TstTagFilterModel::sortByIsInvokable()
{
    // QML calls sortBy() through the meta-object.
    QVERIFY(QMetaObject::invokeMethod(m_proxy.get(), "sortBy",
                                      Q_ARG(QString, QStringLiteral("description"))));
    QCOMPARE(m_proxy->sortKey(), QStringLiteral("description"));
    QCOMPARE(ids().constFirst(), QStringLiteral("PT201"));
}

QTEST_GUILESS_MAIN(TstTagFilterModel)
#include "tst_tagfiltermodel.moc"
