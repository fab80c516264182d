#include "confignode.h"

namespace vigil
{

const ConfigNode *ConfigNode::member(QStringView name) const
{
    for (const ConfigNode &child : children) {
        if (child.key == name)
            return &child;
    }
    return nullptr;
}

ConfigNode &ConfigNode::setMember(const QString &name, ConfigNode value)
{
    value.key = name;
    for (ConfigNode &child : children) {
        if (child.key == name) {
            child = std::move(value);
            return child;
        }
    }
    children.push_back(std::move(value));
    return children.back();
}

QString ConfigNode::kindName() const
{
    return fromText ? QStringLiteral("text") : kindName(kind);
}

QString ConfigNode::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("nothing");
    case Kind::Table:
        return QStringLiteral("table");
    case Kind::Array:
        return QStringLiteral("array");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Integer:
        return QStringLiteral("integer");
    case Kind::Float:
        return QStringLiteral("float");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::DateTime:
        return QStringLiteral("date-time");
    }
    return QString();
}

ConfigNode ConfigNode::makeTable(const SourceLocation &where)
{
    ConfigNode node;
    node.kind = Kind::Table;
    node.location = where;
    return node;
}

ConfigNode ConfigNode::makeText(const QString &value, const SourceLocation &where)
{
    ConfigNode node;
    node.kind = Kind::String;
    node.fromText = true;
    node.text = value;
    node.location = where;
    return node;
}

} // namespace vigil
