#include "mqtttopicindex.h"

namespace vigil
{

void MqttTopicIndex::add(std::string_view filter, quint32 value)
{
    if (filter.find_first_of("+#") == std::string_view::npos) {
        auto it = m_exact.find(filter);
        if (it == m_exact.end())
            it = m_exact.emplace(std::string(filter), std::vector<quint32>{}).first;
        it->second.push_back(value);
        return;
    }
    int node = 0;
    std::string_view rest = filter;
    while (true) {
        const size_t slash = rest.find('/');
        const std::string_view level = rest.substr(0, slash);
        if (level == "#") {
            m_nodes[size_t(node)].hashValues.push_back(value);
            return;
        }
        if (level == "+") {
            if (m_nodes[size_t(node)].plus < 0) {
                m_nodes.emplace_back();
                m_nodes[size_t(node)].plus = int(m_nodes.size()) - 1;
            }
            node = m_nodes[size_t(node)].plus;
        } else {
            node = child(node, level);
        }
        if (slash == std::string_view::npos)
            break;
        rest = rest.substr(slash + 1);
    }
    m_nodes[size_t(node)].values.push_back(value);
}

int MqttTopicIndex::child(int node, std::string_view level)
{
    auto &children = m_nodes[size_t(node)].children;
    const auto it = children.find(level);
    if (it != children.end())
        return it->second;
    m_nodes.emplace_back();
    const int created = int(m_nodes.size()) - 1;
    m_nodes[size_t(node)].children.emplace(std::string(level), created);
    return created;
}

void MqttTopicIndex::clear()
{
    m_exact.clear();
    m_nodes.assign(1, Node{});
}

void MqttTopicIndex::match(std::string_view topic, std::vector<quint32> &out) const
{
    const auto it = m_exact.find(topic);
    if (it != m_exact.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
    if (m_nodes.size() > 1 || !m_nodes[0].hashValues.empty())
        matchFrom(0, topic, true, out);
}

void MqttTopicIndex::matchFrom(int nodeIndex, std::string_view rest, bool atRoot,
                               std::vector<quint32> &out) const
{
    const Node &node = m_nodes[size_t(nodeIndex)];
    // Topics starting with '$' (broker internals) never match a filter starting with a wildcard.
    const bool wildcardsAllowed = !(atRoot && !rest.empty() && rest.front() == '$');
    if (wildcardsAllowed)
        out.insert(out.end(), node.hashValues.begin(), node.hashValues.end());
    const size_t slash = rest.find('/');
    const std::string_view level = rest.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    const std::string_view next = last ? std::string_view() : rest.substr(slash + 1);

    auto visit = [&](int child) {
        if (last) {
            const Node &c = m_nodes[size_t(child)];
            out.insert(out.end(), c.values.begin(), c.values.end());
            out.insert(out.end(), c.hashValues.begin(), c.hashValues.end()); // "a/#" matches "a"
        } else {
            matchFrom(child, next, false, out);
        }
    };
    const auto it = node.children.find(level);
    if (it != node.children.end())
        visit(it->second);
    if (node.plus >= 0 && wildcardsAllowed)
        visit(node.plus);
}

} // namespace vigil
