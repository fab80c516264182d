#include "configreader.h"

#include "diagnostics.h"
#include "duration.h"

#include <cmath>

namespace vigil
{

namespace
{

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(size_t(b.size()) + 1), cur(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            cur[size_t(j)] =
                std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

bool isEmptyCell(const ConfigNode &node)
{
    return node.fromText && node.text.trimmed().isEmpty();
}

} // namespace

ConfigReader::ConfigReader(const ConfigNode &table, QString object, Diagnostics &diagnostics)
    : m_table(table)
    , m_object(std::move(object))
    , m_diagnostics(diagnostics)
{
}

bool ConfigReader::has(QStringView key) const
{
    const ConfigNode *node = m_table.member(key);
    return node && !isEmptyCell(*node);
}

const ConfigNode *ConfigReader::take(QStringView key)
{
    m_known.insert(key.toString());
    const ConfigNode *node = m_table.member(key);
    if (!node || isEmptyCell(*node))
        return nullptr;
    return node;
}

void ConfigReader::accept(std::initializer_list<QStringView> keys)
{
    for (QStringView key : keys)
        m_known.insert(key.toString());
}

std::optional<QString> ConfigReader::string(QStringView key, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return std::nullopt;
    }
    if (node->kind != ConfigNode::Kind::String) {
        wrongKind(*node, QStringLiteral("a string"));
        return std::nullopt;
    }
    if (node->text.size() > kMaxTextLength) {
        // Nothing in a plant needs that much text; a runaway cell or paste is likelier.
        error(*node, QStringLiteral("'%1' is %2 characters long; text is limited to %3 characters")
                         .arg(key)
                         .arg(node->text.size())
                         .arg(kMaxTextLength));
        return std::nullopt;
    }
    return node->text;
}

std::optional<double> ConfigReader::toNumber(const ConfigNode &node)
{
    if (node.isNumber())
        return node.number;
    if (node.fromText) {
        bool ok = false;
        const double value = node.text.trimmed().toDouble(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

std::optional<double> ConfigReader::number(QStringView key, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return std::nullopt;
    }
    const std::optional<double> value = toNumber(*node);
    if (!value) {
        wrongKind(*node, QStringLiteral("a number"));
        return std::nullopt;
    }
    if (!std::isfinite(*value)) {
        error(*node, QStringLiteral("'%1' must be a finite number").arg(key));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> ConfigReader::integer(QStringView key, qint64 min, qint64 max, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return std::nullopt;
    }
    qint64 value = 0;
    bool ok = false;
    if (node->kind == ConfigNode::Kind::Integer && !node->fromText) {
        value = node->integer;
        ok = true;
    } else if (node->fromText) {
        value = node->text.trimmed().toLongLong(&ok);
    }
    if (!ok) {
        wrongKind(*node, QStringLiteral("a whole number"));
        return std::nullopt;
    }
    if (value < min || value > max) {
        error(*node, QStringLiteral("'%1' must be between %2 and %3 (got %4)")
                         .arg(key)
                         .arg(min)
                         .arg(max)
                         .arg(value));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> ConfigReader::boolean(QStringView key, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return std::nullopt;
    }
    if (node->kind == ConfigNode::Kind::Boolean && !node->fromText)
        return node->boolean;
    if (node->fromText) {
        const QString t = node->text.trimmed().toLower();
        if (t == u"true" || t == u"yes" || t == u"1")
            return true;
        if (t == u"false" || t == u"no" || t == u"0")
            return false;
    }
    wrongKind(*node, QStringLiteral("true or false"));
    return std::nullopt;
}

std::optional<qint64> ConfigReader::durationMs(QStringView key, qint64 minMs, qint64 maxMs,
                                               Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return std::nullopt;
    }
    if (node->kind != ConfigNode::Kind::String) {
        wrongKind(*node, QStringLiteral("a duration with a unit such as \"500ms\" or \"5s\""));
        return std::nullopt;
    }
    const std::optional<qint64> ms = Duration::parseMs(node->text);
    if (!ms) {
        error(*node, QStringLiteral("'%1' is not a duration: \"%2\" (use a number with ms, s, m, h "
                                    "or d, e.g. \"500ms\" or \"5s\")")
                         .arg(key, node->text));
        return std::nullopt;
    }
    if (*ms < minMs || *ms > maxMs) {
        error(*node, QStringLiteral("'%1' must be between %2 and %3 (got %4)")
                         .arg(key, Duration::format(minMs), Duration::format(maxMs),
                              Duration::format(*ms)));
        return std::nullopt;
    }
    return ms;
}

std::optional<std::pair<double, double>> ConfigReader::numberPair(QStringView key, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return std::nullopt;
    }
    if (!node->isArray() || node->children.size() != 2) {
        error(*node, QStringLiteral("'%1' must be two numbers [low, high]").arg(key));
        return std::nullopt;
    }
    const std::optional<double> a = toNumber(node->children[0]);
    const std::optional<double> b = toNumber(node->children[1]);
    if (!a || !b) {
        const ConfigNode &bad = a ? node->children[1] : node->children[0];
        const QString shown =
            bad.fromText ? QStringLiteral("\"%1\"").arg(bad.text) : bad.kindName();
        if (!bad.key.isEmpty()) // a CSV cell folded into the pair: name its column
            error(bad, QStringLiteral("'%1' must be a number, got %2").arg(bad.key, shown));
        else
            error(bad,
                  QStringLiteral("'%1' must be two numbers [low, high], got %2").arg(key, shown));
        return std::nullopt;
    }
    if (!std::isfinite(*a) || !std::isfinite(*b)) {
        error(*node, QStringLiteral("'%1' must hold finite numbers").arg(key));
        return std::nullopt;
    }
    return std::make_pair(*a, *b);
}

std::optional<std::pair<double, double>> ConfigReader::range(QStringView key, Need need)
{
    const std::optional<std::pair<double, double>> pair = numberPair(key, need);
    if (!pair)
        return std::nullopt;
    if (!(pair->first < pair->second)) {
        error(*m_table.member(key), QStringLiteral("'%1' low (%2) must be below high (%3)")
                                        .arg(key)
                                        .arg(pair->first)
                                        .arg(pair->second));
        return std::nullopt;
    }
    return pair;
}

std::optional<QString> ConfigReader::choice(QStringView key, const QStringList &allowed, Need need)
{
    const ConfigNode *node = m_table.member(key);
    const std::optional<QString> text = string(key, need);
    if (!text)
        return std::nullopt;
    for (const QString &word : allowed) {
        if (word.compare(*text, Qt::CaseInsensitive) == 0)
            return word;
    }
    error(*node, QStringLiteral("'%1' must be one of %2 (got \"%3\")")
                     .arg(key, allowed.join(QStringLiteral(", ")), *text));
    return std::nullopt;
}

const ConfigNode *ConfigReader::table(QStringView key, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return nullptr;
    }
    if (!node->isTable()) {
        wrongKind(*node, QStringLiteral("a table"));
        return nullptr;
    }
    return node;
}

const ConfigNode *ConfigReader::array(QStringView key, Need need)
{
    const ConfigNode *node = take(key);
    if (!node) {
        if (need == Required)
            missing(key);
        return nullptr;
    }
    if (!node->isArray()) {
        wrongKind(*node, QStringLiteral("an array"));
        return nullptr;
    }
    return node;
}

void ConfigReader::error(const ConfigNode &at, const QString &message) const
{
    m_diagnostics.error(at.location, m_object, message);
}

void ConfigReader::error(const SourceLocation &at, const QString &message) const
{
    m_diagnostics.error(at, m_object, message);
}

void ConfigReader::warning(const ConfigNode &at, const QString &message) const
{
    m_diagnostics.warning(at.location, m_object, message);
}

QString ConfigReader::closest(const QString &word, QStringList candidates)
{
    candidates.sort(); // ties resolve the same way every time
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : std::as_const(candidates)) {
        const int d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

void ConfigReader::finish()
{
    for (const ConfigNode &child : m_table.children) {
        if (m_known.contains(child.key))
            continue;
        const QString best = closest(child.key, m_known.values());
        QString message = QStringLiteral("unknown key '%1'").arg(child.key);
        if (!best.isEmpty())
            message += QStringLiteral(" (did you mean '%1'?)").arg(best);
        m_diagnostics.error(child.keyLocation.isValid() ? child.keyLocation : child.location,
                            m_object, message);
    }
}

void ConfigReader::missing(QStringView key) const
{
    m_diagnostics.error(m_table.location, m_object,
                        QStringLiteral("missing required key '%1'").arg(key));
}

void ConfigReader::wrongKind(const ConfigNode &node, const QString &expected) const
{
    const QString shown = node.kind == ConfigNode::Kind::String || node.fromText
                              ? QStringLiteral("\"%1\"").arg(node.text)
                              : node.kindName();
    m_diagnostics.error(node.location, m_object,
                        QStringLiteral("'%1' must be %2, got %3").arg(node.key, expected, shown));
}

} // namespace vigil
