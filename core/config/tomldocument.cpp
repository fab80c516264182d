#include "tomldocument.h"

#include "diagnostics.h"
#include "filestatus.h"

#include <QFile>

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <string_view>

namespace vigil
{

namespace
{

SourceLocation locationOf(const toml::source_region &region, const QString &file)
{
    return {file, int(region.begin.line), int(region.begin.column)};
}

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

ConfigNode convert(const toml::node &node, const QString &file)
{
    ConfigNode out;
    out.location = locationOf(node.source(), file);
    switch (node.type()) {
    case toml::node_type::table: {
        out.kind = ConfigNode::Kind::Table;
        const toml::table &table = *node.as_table();
        out.children.reserve(table.size());
        for (auto &&[key, value] : table) {
            ConfigNode child = convert(value, file);
            child.key = toQString(key.str());
            child.keyLocation = locationOf(key.source(), file);
            if (child.keyLocation.line == 0)
                child.keyLocation = child.location;
            out.children.push_back(std::move(child));
        }
        break;
    }
    case toml::node_type::array: {
        out.kind = ConfigNode::Kind::Array;
        const toml::array &array = *node.as_array();
        out.children.reserve(array.size());
        for (const toml::node &item : array)
            out.children.push_back(convert(item, file));
        break;
    }
    case toml::node_type::string:
        out.kind = ConfigNode::Kind::String;
        out.text = toQString(node.as_string()->get());
        break;
    case toml::node_type::integer:
        out.kind = ConfigNode::Kind::Integer;
        out.integer = node.as_integer()->get();
        out.number = double(out.integer);
        break;
    case toml::node_type::floating_point:
        out.kind = ConfigNode::Kind::Float;
        out.number = node.as_floating_point()->get();
        break;
    case toml::node_type::boolean:
        out.kind = ConfigNode::Kind::Boolean;
        out.boolean = node.as_boolean()->get();
        break;
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
        out.kind = ConfigNode::Kind::DateTime;
        break;
    case toml::node_type::none:
        break;
    }
    return out;
}

} // namespace

std::optional<ConfigNode> TomlDocument::parseFile(const QString &path, Diagnostics &diagnostics)
{
    if (const QString problem = FileStatus::linkProblem(path); !problem.isEmpty()) {
        diagnostics.error({path, 0, 0}, QString(),
                          QStringLiteral("cannot read the file: it is %1").arg(problem));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.error({path, 0, 0}, QString(),
                          QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        return std::nullopt;
    }
    return parse(file.readAll(), path, diagnostics);
}

std::optional<ConfigNode> TomlDocument::parse(const QByteArray &text, const QString &displayPath,
                                              Diagnostics &diagnostics)
{
    const std::string pathUtf8 = displayPath.toStdString();
    toml::parse_result result =
        toml::parse(std::string_view(text.constData(), size_t(text.size())), pathUtf8);
    if (!result) {
        const toml::parse_error &error = result.error();
        // toml++ says "Error while parsing inline table: expected ..."; say where and what
        // without repeating "error".
        const QString prefix = QStringLiteral("Error while parsing ");
        QString message = toQString(error.description());
        message = message.startsWith(prefix)
                      ? QStringLiteral("TOML syntax error in ") + message.mid(prefix.size())
                      : QStringLiteral("TOML syntax error: ") + message;
        diagnostics.error(locationOf(error.source(), displayPath), QString(), message);
        return std::nullopt;
    }
    ConfigNode root = convert(result.table(), displayPath);
    root.location = {displayPath, 1, 1};
    return root;
}

} // namespace vigil
