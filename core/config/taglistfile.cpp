#include "taglistfile.h"

#include "csvdocument.h"
#include "diagnostics.h"

namespace vigil
{

namespace
{

// CSV columns that fold into a two-element array or a sub-table of the TOML shape.
struct Fold {
    const char16_t *column;
    const char16_t *table; // nullptr: top level
    const char16_t *key;
    int index; // position inside the [a, b] array
};
constexpr Fold kFolds[] = {
    {u"range_lo", nullptr, u"range", 0},
    {u"range_hi", nullptr, u"range", 1},
    {u"write_lo", nullptr, u"write_limits", 0},
    {u"write_hi", nullptr, u"write_limits", 1},
    {u"raw_lo", u"scale", u"raw", 0},
    {u"raw_hi", u"scale", u"raw", 1},
    {u"eu_lo", u"scale", u"eu", 0},
    {u"eu_hi", u"scale", u"eu", 1},
    {u"gain", u"scale", u"gain", -1},
    {u"offset", u"scale", u"offset", -1},
};
constexpr const char16_t *kPlain[] = {u"id",       u"description", u"device",   u"address",
                                      u"type",     u"unit",        u"deadband", u"deadband_percent",
                                      u"decimals", u"writable",    u"scan"};

const Fold *foldOf(const QString &column)
{
    for (const Fold &f : kFolds) {
        if (column == QStringView(f.column))
            return &f;
    }
    return nullptr;
}

void placeFolded(ConfigNode &row, const Fold &fold, const CsvDocument::Cell &cell)
{
    ConfigNode *parent = &row;
    if (fold.table) {
        const QString tableKey = QString::fromUtf16(fold.table);
        if (!row.member(tableKey))
            row.setMember(tableKey, ConfigNode::makeTable(cell.location));
        parent = const_cast<ConfigNode *>(row.member(tableKey));
    }
    const QString key = QString::fromUtf16(fold.key);
    ConfigNode value = ConfigNode::makeText(cell.text, cell.location);
    if (fold.index >= 0)
        value.key = QString::fromUtf16(fold.column); // so that messages name the CSV column
    if (fold.index < 0) {
        parent->setMember(key, std::move(value));
        return;
    }
    if (!parent->member(key)) {
        ConfigNode array;
        array.kind = ConfigNode::Kind::Array;
        array.location = cell.location;
        parent->setMember(key, std::move(array));
    }
    ConfigNode &array = *const_cast<ConfigNode *>(parent->member(key));
    if (fold.index == 0)
        array.children.insert(array.children.begin(), std::move(value));
    else
        array.children.push_back(std::move(value));
}

} // namespace

QStringList TagListFile::columns()
{
    QStringList out;
    for (const char16_t *c : kPlain)
        out.append(QString::fromUtf16(c));
    for (const Fold &f : kFolds)
        out.append(QString::fromUtf16(f.column));
    return out;
}

std::vector<ConfigNode> TagListFile::read(const QString &path, Diagnostics &diagnostics)
{
    std::vector<ConfigNode> tables;
    const std::optional<CsvDocument> doc = CsvDocument::parseFile(path, diagnostics);
    if (!doc)
        return tables;
    if (doc->rows().isEmpty()) {
        diagnostics.error({path, 0, 0}, QString(),
                          QStringLiteral("the tag list is empty: the first row must name the "
                                         "columns (%1)")
                              .arg(columns().join(u", ")));
        return tables;
    }
    const CsvDocument::Row &header = doc->rows().first();
    const QStringList known = columns();
    QStringList names;
    bool headerOk = true;
    for (const CsvDocument::Cell &cell : header.cells) {
        const QString name = cell.text.trimmed().toLower();
        if (!known.contains(name)) {
            diagnostics.error(cell.location, QString(),
                              QStringLiteral("unknown column '%1' (columns: %2)")
                                  .arg(cell.text, known.join(u", ")));
            headerOk = false;
        } else if (names.contains(name)) {
            diagnostics.error(cell.location, QString(),
                              QStringLiteral("column '%1' appears twice").arg(name));
            headerOk = false;
        }
        names.append(name);
    }
    if (!headerOk)
        return tables;

    for (qsizetype r = 1; r < doc->rows().size(); ++r) {
        const CsvDocument::Row &row = doc->rows().at(r);
        if (row.cells.size() != names.size()) {
            diagnostics.error(row.location, QStringLiteral("tag list row %1").arg(r),
                              QStringLiteral("row has %1 columns, the header has %2")
                                  .arg(row.cells.size())
                                  .arg(names.size()));
            continue;
        }
        ConfigNode table = ConfigNode::makeTable(row.location);
        for (qsizetype c = 0; c < names.size(); ++c) {
            const CsvDocument::Cell &cell = row.cells.at(c);
            if (cell.text.isEmpty())
                continue;
            if (const Fold *fold = foldOf(names.at(c))) {
                placeFolded(table, *fold, cell);
            } else {
                ConfigNode &member =
                    table.setMember(names.at(c), ConfigNode::makeText(cell.text, cell.location));
                member.keyLocation = header.cells.at(c).location;
            }
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

} // namespace vigil
