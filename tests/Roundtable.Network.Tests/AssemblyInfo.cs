// Socket tests share two cores with concurrent builds; running them one class at a time keeps
// each test's deadlines about the code under test rather than about the neighbours.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
